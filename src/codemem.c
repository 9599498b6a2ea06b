/* Executable memory: compiled code is packed into 1 MiB chunks (big code
 * gets a chunk of its own), freed when the last code in a chunk dies.  W^X:
 * the pages a new function goes into are made writable only while it is
 * copied in, then read+execute again.  That briefly takes the execute right
 * from neighbours on the same pages; safe, because compiled code runs only
 * with the GIL held, and the compiler holds it. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "codemem.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

size_t pyston_codemem_limit = (size_t)256 << 20;
size_t pyston_codemem_used;

#define CHUNK_SIZE ((size_t)1 << 20)
#define CODE_ALIGN 16

typedef struct chunk {
    struct chunk *next;
    uint8_t *base;
    size_t size, used;
    size_t live; /* functions in it */
} chunk;

static chunk *chunks; /* the first one is where small code goes */

static size_t page_size(void)
{
    static size_t page;
    if (page == 0)
        page = (size_t)sysconf(_SC_PAGESIZE);
    return page;
}

static size_t round_up(size_t size, size_t to)
{
    return (size + to - 1) / to * to;
}

static chunk *new_chunk(size_t size)
{
    size = round_up(size, page_size());
    if (pyston_codemem_used + size > pyston_codemem_limit)
        return NULL;
    chunk *ch = calloc(1, sizeof *ch);
    if (ch == NULL)
        return NULL;
    void *mem = mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        free(ch);
        return NULL;
    }
    ch->base = mem;
    ch->size = size;
    pyston_codemem_used += size;
    return ch;
}

/* Copies CODE to AT, making its pages writable meanwhile. */
static bool copy_in(uint8_t *at, const uint8_t *code, size_t size)
{
    uintptr_t first = (uintptr_t)at / page_size() * page_size();
    size_t span = round_up((uintptr_t)at + size - first, page_size());
    if (mprotect((void *)first, span, PROT_READ | PROT_WRITE) != 0)
        return false;
    memcpy(at, code, size);
    return mprotect((void *)first, span, PROT_READ | PROT_EXEC) == 0;
}

void *pyston_codemem_install(const uint8_t *code, size_t size)
{
    chunk *ch = chunks;
    if (size > CHUNK_SIZE / 4) { /* big: its own chunk, kept off the front */
        ch = new_chunk(size);
        if (ch == NULL)
            return NULL;
        ch->next = chunks ? chunks->next : NULL;
        if (chunks)
            chunks->next = ch;
        else
            chunks = ch;
    } else if (ch == NULL || ch->used + size > ch->size) {
        ch = new_chunk(CHUNK_SIZE);
        if (ch == NULL)
            return NULL;
        ch->next = chunks;
        chunks = ch;
    }
    uint8_t *at = ch->base + ch->used;
    if (!copy_in(at, code, size))
        return NULL;
    ch->used = round_up(ch->used + size, CODE_ALIGN);
    ch->live++;
    return at;
}

void pyston_codemem_release(void *code, size_t size)
{
    (void)size;
    for (chunk **link = &chunks; *link; link = &(*link)->next) {
        chunk *ch = *link;
        if ((uint8_t *)code < ch->base || (uint8_t *)code >= ch->base + ch->size)
            continue;
        if (--ch->live > 0)
            return;
        if (ch == chunks && ch->size == CHUNK_SIZE) { /* the current one: reuse */
            ch->used = 0;
            return;
        }
        *link = ch->next;
        munmap(ch->base, ch->size);
        pyston_codemem_used -= ch->size;
        free(ch);
        return;
    }
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
