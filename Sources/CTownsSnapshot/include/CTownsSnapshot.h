#ifndef CTOWNSSNAPSHOT_H
#define CTOWNSSNAPSHOT_H
#include <stdint.h>

/// The structure checks of a snapshot's figure area (`FigureArea.check(towns:)` in TownsCore),
/// in C for speed: at 10,000 towns x 60 months its ~149,000 records are walked before the first
/// screen, and this loop was a tenth of the snapshot's decode in Swift. `offsets` is the area's
/// offset table (little-endian uint32 entries, read unaligned), `records` its records.

/// Checks entries `first` ..< `end` of the offset table: each entry at most `records_count`,
/// and no smaller than the one before unless it begins a town's row (`index % stride == 0`).
/// `*last` is the entry before `first` (0 at the start) and is set to the last one checked.
/// Returns -1 when every entry passed, else the index of the first that did not.
long towns_check_offset_order(const unsigned char *offsets, long first, long end, long stride,
                              unsigned long records_count, uint32_t *last);

/// Walks one town's records: its row of `slots` + 1 offsets begins at entry `row`. Every
/// period's first offset must fall on a record's start, every record be a measure number below
/// `measure_count` and a length (LEB128, at most 64 bits) whose body ends within the town's
/// records, and the periods after the last record all end where the town's records end.
/// Returns 0 when it passed; 1: an offset inside a figure; 2: the records end inside a number;
/// 3: a measure not below `measure_count`; 4: a length beyond the town's records.
/// The offsets must have passed `towns_check_offset_order` (so every read is inside `records`).
int towns_check_town_records(const unsigned char *records, const unsigned char *offsets, long row, long slots,
                             uint64_t measure_count);

#endif
