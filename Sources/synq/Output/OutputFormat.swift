import ArgumentParser
import Foundation
import SynqAPI

/// `--json` for every headless command that prints data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("json"), help: "Print JSON (a stable shape, see the README) instead of a table.")
    var json = false
}
