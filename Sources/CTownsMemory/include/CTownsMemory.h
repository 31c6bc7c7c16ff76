#ifndef CTOWNSMEMORY_H
#define CTOWNSMEMORY_H

/// Gives the pages of freed heap memory back to the system (glibc's malloc_trim(0), which
/// Swift's Glibc module does not show). The dashboard calls it once the loader's parse trees
/// are freed, so what it allocates later, on other threads' heaps too, does not add to them.
/// Returns 1 if memory was released, 0 if none could be.
int towns_release_free_heap(void);

/// Gives back the resident pages of the executable's relocation table (its DT_RELA and DT_REL
/// entries: `.rela.dyn`, ~1.9 MiB in the static release build, read once by the dynamic
/// loader before `main` and never again; `.rela.plt`, which lazy binding reads, is left).
/// `madvise(MADV_DONTNEED)` on read-only file pages: a later read brings them back from the
/// file, so nothing can change but the resident set. Only whole pages inside a read-only
/// loaded segment are given back. Returns the bytes given back (0 when none could be).
long towns_release_relocations(void);

#endif
