#include <malloc.h>
#include "CTownsMemory.h"

int towns_release_free_heap(void) {
    return malloc_trim(0);
}
