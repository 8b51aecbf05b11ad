#ifndef SYNQ_HARDENING_H
#define SYNQ_HARDENING_H

/// Makes the calling process unable to leave a core dump (RLIMIT_CORE 0, soft and hard) and
/// not dumpable (PR_SET_DUMPABLE 0: no core, no ptrace attach or /proc/PID/mem by other
/// processes of the same user). Returns 0, or -1 when setrlimit failed, -2 when prctl failed.
/// In C because prctl is variadic, which Swift cannot call.
int synq_disable_core_dumps(void);

/// PR_GET_DUMPABLE of the calling process (1 dumpable, 0 not), or -1.
int synq_is_dumpable(void);

#endif
