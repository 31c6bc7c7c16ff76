#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "CTownsMemory.h"

int towns_release_free_heap(void) {
    return malloc_trim(0);
}

/// Whether [start, end) lies in one of `info`'s loaded segments that is not writable.
static int in_read_only_segment(struct dl_phdr_info *info, uintptr_t start, uintptr_t end) {
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W)) continue;
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
        if (start >= lo && end <= hi) return 1;
    }
    return 0;
}

/// Gives back the whole pages of [start, start + size) if they lie in a read-only segment
/// of `info`; `start` as the dynamic section holds it (glibc adds the load address to
/// DT_RELA and DT_REL when it relocates, another loader may not). Returns the bytes given back.
static long release_table(struct dl_phdr_info *info, uintptr_t start, uintptr_t size) {
    if (size == 0) return 0;
    if (!in_read_only_segment(info, start, start + size)) {
        start += info->dlpi_addr;
        if (!in_read_only_segment(info, start, start + size)) return 0;
    }
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t first = (start + page - 1) / page * page, last = (start + size) / page * page;
    if (last <= first) return 0;
    if (madvise((void *)first, last - first, MADV_DONTNEED) != 0) return 0;
    return (long)(last - first);
}

static int release_relocations(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    long *released = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_DYNAMIC) continue;
        uintptr_t rela = 0, relasz = 0, rel = 0, relsz = 0;
        for (const ElfW(Dyn) *d = (const ElfW(Dyn) *)(info->dlpi_addr + ph->p_vaddr); d->d_tag != DT_NULL; d++) {
            switch (d->d_tag) {
            case DT_RELA: rela = d->d_un.d_ptr; break;
            case DT_RELASZ: relasz = d->d_un.d_val; break;
            case DT_REL: rel = d->d_un.d_ptr; break;
            case DT_RELSZ: relsz = d->d_un.d_val; break;
            }
        }
        if (rela) *released += release_table(info, rela, relasz);
        if (rel) *released += release_table(info, rel, relsz);
    }
    return 1;  // the first object is the executable: stop there
}

long towns_release_relocations(void) {
    long released = 0;
    dl_iterate_phdr(release_relocations, &released);
    return released;
}
