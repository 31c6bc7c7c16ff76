#ifndef CTOWNSMEMORY_H
#define CTOWNSMEMORY_H

/// Gives the pages of freed heap memory back to the system (glibc's malloc_trim(0), which
/// Swift's Glibc module does not show). The dashboard calls it once the loader's parse trees
/// are freed, so what it allocates later, on other threads' heaps too, does not add to them.
/// Returns 1 if memory was released, 0 if none could be.
int towns_release_free_heap(void);

#endif
