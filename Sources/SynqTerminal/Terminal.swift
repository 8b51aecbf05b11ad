import CNcurses
import Foundation
import SynqAPI
import SynqText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The controlling terminal (`/dev/tty`), for prompts that must reach a person even when
/// stdin and stdout are redirected. Masked input turns echo off and prints one bullet per
/// character; the previous terminal mode is restored on every exit path, Ctrl-C and
/// signals included. The restore on a signal is the full screen's own (CNcurses'
/// `synq_prompt_begin`): one set of handlers, one saved mode, for every way synq changes
/// the terminal.
public struct Terminal: Sendable {
    let fd: Int32

    /// Opens `/dev/tty`; throws `.noTerminal` when the process has none.
    public static func open() throws(PromptError) -> Terminal {
        #if canImport(Glibc)
        let fd = Glibc.open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        #else
        let fd = Darwin.open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        #endif
        guard fd >= 0 else { throw .noTerminal }
        guard isatty(fd) != 0 else {
            Self.closeDescriptor(fd)
            throw .noTerminal
        }
        return Terminal(fd: fd)
    }

    public func close() {
        Self.closeDescriptor(fd)
    }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Self.writeDescriptor(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// A line typed with normal echo. Control characters are stripped from the answer.
    public func readLine(prompt: String, limit: Int = 1024) throws(PromptError) -> String {
        write(prompt)
        var bytes: [UInt8] = []
        while true {
            guard let byte = readByte() else {
                if bytes.isEmpty { throw .cancelled }
                break
            }
            if byte == 0x0A || byte == 0x0D { break }
            bytes.append(byte)
            if bytes.count > limit { throw .tooLong }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !Sanitizer.isUnsafe($0) }))
            .trimmingCharacters(in: .whitespaces)
    }

    /// A secret typed with echo off: one bullet per character, Backspace and Ctrl-U edit,
    /// Enter ends, Ctrl-C (or Ctrl-D on an empty line) cancels.
    public func readMasked(prompt: String, limit: Int = 4096) throws(PromptError) -> Secret {
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { throw .noTerminal }
        var raw = original
        // ISIG off: Ctrl-C arrives as a byte, so we restore the mode ourselves before leaving.
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        write(prompt)
        // Handlers first: a signal between the mode change and the handlers would leave echo off.
        synq_prompt_begin(fd, &original)
        tcsetattr(fd, TCSAFLUSH, &raw)
        defer {
            tcsetattr(fd, TCSAFLUSH, &original)
            synq_prompt_end()
        }
        var bytes: [UInt8] = []
        var inEscape = false
        while true {
            guard let byte = readByte() else {
                write("\n")
                throw .cancelled
            }
            if inEscape {
                // Arrow and function keys: skip the CSI sequence up to its final byte.
                if (0x40...0x7E).contains(byte) && byte != UInt8(ascii: "[") { inEscape = false }
                continue
            }
            switch byte {
            case 0x03:
                write("^C\n")
                throw .cancelled
            case 0x04:
                if bytes.isEmpty {
                    write("\n")
                    throw .cancelled
                }
            case 0x0A, 0x0D:
                write("\n")
                return Secret(String(decoding: bytes, as: UTF8.self))
            case 0x7F, 0x08:
                if !bytes.isEmpty {
                    while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                    write("\u{8} \u{8}")
                }
            case 0x15:
                let count = String(decoding: bytes, as: UTF8.self).count
                write(String(repeating: "\u{8} \u{8}", count: count))
                bytes.removeAll()
            case 0x1B:
                inEscape = true
            case 0x00..<0x20:
                continue
            default:
                bytes.append(byte)
                if bytes.count > limit { throw .tooLong }
                if byte & 0xC0 != 0x80 { write("•") }
            }
        }
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = Self.readDescriptor(fd, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    // The C calls under names of their own: this type has a `write` and a `read` of its own.
    private static func writeDescriptor(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    private static func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    private static func closeDescriptor(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
