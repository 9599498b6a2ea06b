/* The PEP 523 eval-frame hook: where every Python frame evaluation passes. */
#ifndef PYSTON_HOOK_H
#define PYSTON_HOOK_H

/* Installs the hook on the current interpreter; 0 on success, -1 with an
 * exception set if another frame evaluator is already installed. */
int pyston_hook_install(void);
void pyston_hook_remove(void);
int pyston_hook_installed(void);

#endif
