/* Low memory (see lowmem.h): one MAP_32BIT mapping, handed out by a bump
 * allocator, and in it the far-call table, an open-addressing hash set
 * of function addresses that compiled code calls through. */
#define _GNU_SOURCE /* MAP_32BIT */
#include "lowmem.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>

#define LOWMEM_SIZE ((size_t)64 << 10)
#define FAR_SLOTS 1024 /* a power of two; the helpers number a few hundred */

static uint8_t *lowmem;
static size_t lowmem_used;
static bool lowmem_failed;

void *pyston_lowmem_alloc(size_t size)
{
    if (lowmem == NULL && !lowmem_failed) {
        void *mem = mmap(NULL, LOWMEM_SIZE, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
        /* (MAP_32BIT promises the low 2 GiB; checked all the same) */
        if (mem == MAP_FAILED || (uintptr_t)mem + LOWMEM_SIZE > (uintptr_t)INT32_MAX) {
            if (mem != MAP_FAILED)
                munmap(mem, LOWMEM_SIZE);
            lowmem_failed = true;
            return NULL;
        }
        lowmem = mem;
    }
    size = (size + 15) & ~(size_t)15;
    if (lowmem == NULL || size > LOWMEM_SIZE - lowmem_used)
        return NULL;
    void *p = lowmem + lowmem_used;
    lowmem_used += size;
    return p;
}

void *const *pyston_far_slot(const void *fn)
{
    static const void **table;
    static size_t used;
    if (table == NULL && (table = pyston_lowmem_alloc(sizeof(void *) * FAR_SLOTS)) == NULL)
        return NULL;
    /* Fibonacci hashing of the address, then linear probing */
    size_t i = (size_t)(((uint64_t)(uintptr_t)fn * 0x9E3779B97F4A7C15u) >> 32) & (FAR_SLOTS - 1);
    for (;; i = (i + 1) & (FAR_SLOTS - 1)) {
        if (table[i] == fn)
            return (void *const *)&table[i];
        if (table[i] == NULL)
            break;
    }
    if (used >= FAR_SLOTS / 2) /* keep the probes short */
        return NULL;
    used++;
    table[i] = fn;
    return (void *const *)&table[i];
}
