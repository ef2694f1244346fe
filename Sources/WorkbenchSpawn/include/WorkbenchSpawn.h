#ifndef WORKBENCH_SPAWN_H
#define WORKBENCH_SPAWN_H

#include <stddef.h>

/// Starts a program for an external plugin, never through a shell.
///
/// `path` is the executable (absolute). `args` and `env` are blocks of
/// NUL-terminated strings laid end to end (`args_len` and `env_len` bytes in
/// all); `args` starts with argv[0]. The child runs in `cwd`, in a new process
/// group of its own, with standard input read from `stdin_path` and standard
/// output and error appended to `stdout_path` and `stderr_path` (opened here,
/// before any confinement), every other descriptor closed, and default signal
/// dispositions. When `writable` is not NULL and the kernel has Landlock, the
/// child and everything it starts may create, change or remove files only
/// beneath `writable` (and write to /dev/null); reading is not restricted.
/// `*confined` tells whether that confinement is in force.
///
/// Returns 0 and the child's process id in `*pid`, or an errno value.
int wb_spawn(const char *path, const char *args, size_t args_len, const char *env, size_t env_len, const char *cwd,
             const char *stdin_path, const char *stdout_path, const char *stderr_path, const char *writable, int *confined, int *pid);

/// Waits up to `timeout_ms` milliseconds for the child `pid` started by `wb_spawn`.
///
/// Whether it exits or the time runs out, every process left in its process
/// group is killed (SIGKILL) before the child is reaped, so nothing it
/// started outlives it. Returns 0 when the child exited by itself, with
/// `*exit_code` (or `*signal_number` when a signal ended it, else 0), 1 when
/// it was killed for running past the timeout, or -1 with an errno value in
/// `*exit_code` when it could not be waited for.
int wb_wait(int pid, long timeout_ms, int *exit_code, int *signal_number);

/// Whether this kernel confines writes (Landlock), so `wb_spawn` can keep a plugin inside its folder.
int wb_confinement_available(void);

#endif
