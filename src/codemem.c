/* Executable memory, one mapping per compiled code object: simple, W^X,
 * freed with the code object.  (A shared arena can replace it when code
 * size per function matters.) */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "codemem.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

size_t pyston_codemem_limit = (size_t)256 << 20;
size_t pyston_codemem_used;

static size_t round_to_pages(size_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    return (size + page - 1) / page * page;
}

void *pyston_codemem_install(const uint8_t *code, size_t size)
{
    size_t mapped = round_to_pages(size);
    if (pyston_codemem_used + mapped > pyston_codemem_limit)
        return NULL;
    void *mem = mmap(NULL, mapped, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        return NULL;
    memcpy(mem, code, size);
    if (mprotect(mem, mapped, PROT_READ | PROT_EXEC) != 0) {
        munmap(mem, mapped);
        return NULL;
    }
    pyston_codemem_used += mapped;
    return mem;
}

void pyston_codemem_release(void *code, size_t size)
{
    size_t mapped = round_to_pages(size);
    munmap(code, mapped);
    pyston_codemem_used -= mapped;
}

void pyston_perf_map_add(const void *code, size_t size, const char *name)
{
    static FILE *map;
    static pid_t owner; /* a forked child writes its own file */
    if (map == NULL || owner != getpid()) {
        char path[64];
        owner = getpid();
        snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)owner);
        map = fopen(path, "a");
        if (map == NULL)
            return;
    }
    fprintf(map, "%lx %zx %s\n", (unsigned long)(uintptr_t)code, size, name);
    fflush(map);
}
