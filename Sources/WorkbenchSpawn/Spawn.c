// Starting, confining, timing out and reaping external plugin processes.
//
// Kept in C because it needs posix_spawn attributes (process group, signal
// defaults, descriptor actions), Landlock system calls and pidfd waits; the
// Swift side passes arrays and paths and reads plain integers back.

#define _GNU_SOURCE
#include "WorkbenchSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__)
#include <linux/landlock.h>
#include <sys/prctl.h>
#endif

#if defined(__linux__) && defined(SYS_landlock_create_ruleset) && defined(LANDLOCK_CREATE_RULESET_VERSION)
#define WB_HAVE_LANDLOCK 1
#endif

/// The Landlock ABI version of the running kernel, 0 when it has none.
static int landlock_abi(void) {
#ifdef WB_HAVE_LANDLOCK
  long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  return abi < 0 ? 0 : (int)abi;
#else
  return 0;
#endif
}

int wb_confinement_available(void) { return landlock_abi() > 0; }

#ifdef WB_HAVE_LANDLOCK
/// Adds a rule allowing `access` beneath `path` (a folder, or a single file) to `ruleset`; 0 on success.
static int allow_beneath(int ruleset, const char *path, __u64 access) {
  struct landlock_path_beneath_attr rule;
  memset(&rule, 0, sizeof rule);
  rule.allowed_access = access;
  rule.parent_fd = open(path, O_PATH | O_CLOEXEC);
  if (rule.parent_fd < 0) return -1;
  long rc = syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  close(rule.parent_fd);
  return rc == 0 ? 0 : -1;
}
#endif

/// Restricts the calling thread (and every process it starts from now on) to writing beneath `folder`; 0 on success.
///
/// Only write-like accesses are handled, so reading and executing stay
/// allowed everywhere (interpreters need their libraries). The restriction
/// cannot be lifted, which is why it is applied on a thread made for one spawn.
static int confine_writes(const char *folder) {
#ifdef WB_HAVE_LANDLOCK
  int abi = landlock_abi();
  if (abi < 1) return -1;
  __u64 handled = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                  LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
                  LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                  LANDLOCK_ACCESS_FS_MAKE_SYM;
  __u64 file_access = LANDLOCK_ACCESS_FS_WRITE_FILE;
#ifdef LANDLOCK_ACCESS_FS_REFER
  if (abi >= 2) handled |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
  if (abi >= 3) {
    handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
    file_access |= LANDLOCK_ACCESS_FS_TRUNCATE;
  }
#endif
  struct landlock_ruleset_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.handled_access_fs = handled;
  int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
  if (ruleset < 0) return -1;
  int ok = allow_beneath(ruleset, folder, handled) == 0 && allow_beneath(ruleset, "/dev/null", file_access) == 0 &&
           prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && syscall(SYS_landlock_restrict_self, ruleset, 0) == 0;
  close(ruleset);
  return ok ? 0 : -1;
#else
  (void)folder;
  return -1;
#endif
}

/// Splits a block of `len` bytes holding NUL-terminated strings into a NULL-terminated array (pointing into the block).
static char **split_block(const char *block, size_t len) {
  size_t count = 0;
  for (size_t i = 0; i < len; i++) count += block[i] == '\0';
  char **items = calloc(count + 1, sizeof(char *));
  if (!items) return NULL;
  size_t n = 0, start = 0;
  for (size_t i = 0; i < len; i++) {
    if (block[i] != '\0') continue;
    items[n++] = (char *)block + start;
    start = i + 1;
  }
  return items;
}

/// One spawn, carried to the thread that confines itself and starts the child.
struct spawn_job {
  const char *path;
  char **argv;
  char **envp;
  const char *writable;
  posix_spawn_file_actions_t *actions;
  posix_spawnattr_t *attributes;
  int confined;
  int error;
  pid_t pid;
};

static void *spawn_on_thread(void *context) {
  struct spawn_job *job = context;
  job->confined = job->writable != NULL && confine_writes(job->writable) == 0;
  job->error = posix_spawn(&job->pid, job->path, job->actions, job->attributes, job->argv, job->envp);
  return NULL;
}

int wb_spawn(const char *path, const char *args, size_t args_len, const char *env, size_t env_len, const char *cwd,
             const char *stdin_path, const char *stdout_path, const char *stderr_path, const char *writable, int *confined, int *pid) {
  *confined = 0;
  *pid = 0;
  char **argv = split_block(args, args_len);
  char **envp = split_block(env, env_len);
  int in = open(stdin_path, O_RDONLY | O_CLOEXEC);
  int out = open(stdout_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  int err = open(stderr_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  int result = 0;
  if (!argv || !envp || !argv[0]) result = argv && envp ? EINVAL : ENOMEM;
  else if (in < 0 || out < 0 || err < 0) result = errno;
  if (result == 0) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_adddup2(&actions, in, 0);
    posix_spawn_file_actions_adddup2(&actions, out, 1);
    posix_spawn_file_actions_adddup2(&actions, err, 2);
#if defined(__GLIBC__)
    posix_spawn_file_actions_addchdir_np(&actions, cwd);
#if __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34)
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
#else
    posix_spawn_file_actions_addchdir_np(&actions, cwd);
#endif
    sigset_t none, defaults;
    sigemptyset(&none);
    sigfillset(&defaults);
    sigdelset(&defaults, SIGKILL);
    sigdelset(&defaults, SIGSTOP);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    struct spawn_job job = {path, argv, envp, writable, &actions, &attributes, 0, 0, 0};
    pthread_t thread;
    result = pthread_create(&thread, NULL, spawn_on_thread, &job);
    if (result == 0) {
      pthread_join(thread, NULL);
      result = job.error;
      *confined = job.confined;
      *pid = job.pid;
    }
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  if (in >= 0) close(in);
  if (out >= 0) close(out);
  if (err >= 0) close(err);
  free(argv);
  free(envp);
  return result;
}

/// Milliseconds elapsed since `start` on the monotonic clock.
static long elapsed_ms(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long)(now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

int wb_wait(int pid, long timeout_ms, int *exit_code, int *signal_number) {
  *exit_code = 0;
  *signal_number = 0;
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  int pidfd = -1;
#if defined(__linux__) && defined(SYS_pidfd_open)
  pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
#endif
  int timed_out = 0;
  for (;;) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    // WNOWAIT keeps the exited child a zombie, so its process group id cannot be reused before the group is killed.
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
      if (errno == EINTR) continue;
      *exit_code = errno;
      if (pidfd >= 0) close(pidfd);
      kill(-pid, SIGKILL);
      return -1;
    }
    if (info.si_pid == pid) break;
    long left = timeout_ms - elapsed_ms(&start);
    if (left <= 0) {
      timed_out = 1;
      break;
    }
    if (pidfd >= 0) {
      struct pollfd watch = {pidfd, POLLIN, 0};
      poll(&watch, 1, left > INT_MAX ? INT_MAX : (int)left);
    } else {
      struct timespec pause = {0, (left < 5 ? left : 5) * 1000000L};
      nanosleep(&pause, NULL);
    }
  }
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (pidfd >= 0) close(pidfd);
  if (timed_out) return 1;
  if (WIFEXITED(status)) *exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) *signal_number = WTERMSIG(status);
  return 0;
}
