import CHardening

/// Secrets live in this process's memory (API keys, a passphrase, a one-time key), so it
/// must never leave a core file or let another process of the same user read its memory.
/// Called first thing in `main`, before any argument, file or variable is read.
enum CoreDumps {
    static func disable() {
        switch synq_disable_core_dumps() {
        case 0: break
        case -1: StandardError.line("synq: warning: could not set the core-file size limit to 0")
        default: StandardError.line("synq: warning: could not mark the process as not dumpable")
        }
    }
}
