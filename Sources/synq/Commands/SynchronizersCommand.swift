import ArgumentParser
import Foundation
import SynqAPI
import SynqText
import SynqViewModel

/// `synq synchronizers …`: list, create, enable, disable.
struct SynchronizersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synchronizers",
        abstract: "List, create, enable and disable synchronizers (Enterprise API).",
        subcommands: [ListSynchronizers.self, CreateSynchronizer.self, EnableSynchronizer.self, DisableSynchronizer.self],
        defaultSubcommand: ListSynchronizers.self
    )
}

struct ListSynchronizers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the synchronizers of the account.")

    enum StateFilter: String, ExpressibleByArgument, CaseIterable { case enabled, disabled }

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only synchronizers in this state (enabled or disabled).")
    var state: StateFilter?

    func run() async throws {
        try await runReportingErrors {
            let client = try SettingsResolver().resolve(connection).enterpriseClient()
            let list = try await client.listSynchronizers()
            if list.skipped > 0 {
                StandardError.line("synq: warning: \(list.skipped) malformed synchronizer entries from the server were skipped")
            }
            let fleet = list.fleet
            let rows: [Int] = state.map { wanted in
                fleet.indices.filter { (fleet.isEnabled(at: $0) ?? false) == (wanted == .enabled) }
            } ?? Array(fleet.indices)
            var out = OutputStream()
            if output.json {
                try await FleetJSON.write(fleet, rows: rows, skipped: list.skipped, pretty: StandardOutput.isTerminal, toOutput: &out)
            } else {
                try await SynchronizerTable.write(fleet, rows: rows, to: &out)
            }
            try out.flush()
        }
    }
}

struct CreateSynchronizer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a synchronizer. Sent once, never retried: check `synq synchronizers list` after a network error."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Name of the new synchronizer.")
    var name: String

    func validate() throws {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--name must not be empty") }
    }

    func run() async throws {
        try await runReportingErrors {
            let client = try SettingsResolver().resolve(connection).enterpriseClient()
            let result = try await client.createSynchronizer(name: name)
            try SynchronizerResultPrinter.print(result, json: output.json)
        }
    }
}

/// `enable` and `disable` differ only in the flag they send.
protocol ToggleSynchronizerCommand: AsyncParsableCommand {
    static var enabled: Bool { get }
    var connection: ConnectionOptions { get }
    var output: OutputOptions { get }
    var id: String { get }
}

extension ToggleSynchronizerCommand {
    func run() async throws {
        try await runReportingErrors {
            let client = try SettingsResolver().resolve(connection).enterpriseClient()
            let result = try await client.setSynchronizer(id: id, enabled: Self.enabled)
            try SynchronizerResultPrinter.print(result, json: output.json)
        }
    }
}

struct EnableSynchronizer: ToggleSynchronizerCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a synchronizer.")
    static let enabled = true
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The synchronizer's id.") var id: String
}

struct DisableSynchronizer: ToggleSynchronizerCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a synchronizer.")
    static let enabled = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The synchronizer's id.") var id: String
}

/// The headless synchronizers table, streamed from the fleet, with the columns the pane
/// shows (`SynchronizerRow.definition`), each cell in full.
enum SynchronizerTable {
    static let columns = SynchronizerRow.Column.allCases

    /// The table's columns: titles and alignment from the resource's one definition.
    static var tableColumns: [TextTable.Column] { columns.map(SynchronizerRow.definition).map(TextTable.column) }

    /// The fleet's table, its chunks measured and written on every core (`TextTable`).
    static func write<Out: ByteSink>(_ fleet: SynchronizerFleet, rows: [Int], now: Date = Date(), to out: inout Out) async throws(Out.Failure) {
        try await TextTable.write(tableColumns, Cells(fleet: fleet, rows: rows, now: now), toOutput: &out)
    }

    /// Cell `(index, column)`: of row `rows[index]` of the fleet. The server's text is read in
    /// place (no string made); the state and created columns are the pane's texts: the
    /// state's three from its definition, the created one (`SynchronizerRow.createdText`)
    /// worded once for each age the rows share.
    struct Cells: TableCells {
        let fleet: SynchronizerFleet
        let rows: [Int]
        let now: Date
        /// The state column's text when the server said nothing, disabled, enabled.
        let stateTexts: [String]

        init(fleet: SynchronizerFleet, rows: [Int], now: Date) {
            self.fleet = fleet
            self.rows = rows
            self.now = now
            let text = SynchronizerRow.definition(.state).text
            stateTexts = [nil, false, true].map { text(SynchronizerRow(id: "", name: "", key: "", isEnabled: $0, createdAt: nil), now) }
        }

        var count: Int { rows.count }

        func withReader<R>(_ body: (inout Reader) -> R) -> R {
            fleet.withUnsafeColumns { columns in
                rows.withUnsafeBufferPointer { rows in
                    var reader = Reader(columns: columns, rows: rows, now: now, stateTexts: stateTexts)
                    return body(&reader)
                }
            }
        }

        /// Reads the fleet through its borrowed columns: a field is a load, not an array access
        /// and a retain of the fleet.
        struct Reader: TableCellReader {
            let columns: SynchronizerFleet.Columns
            let rows: UnsafeBufferPointer<Int>
            let now: Date
            let stateTexts: [String]
            // Read from the static list for every cell, the order cost a copy and reference counts.
            let order = SynchronizerTable.columns
            var lastAge: RelativeTime.Age?
            var lastCreated = SynchronizerRow.createdText(nil)

            var arena: UnsafeBufferPointer<UInt8> { columns.arena }

            @inline(__always)
            mutating func cell(_ index: Int, _ column: Int) -> TextTable.Cell {
                let row = rows[index]
                switch order[column] {
                case .name: return text(.name, row)
                case .key: return text(.key, row)
                case .id: return text(.id, row)
                case .state:
                    switch columns.isEnabled(row) {
                    case nil: return .text(stateTexts[0])
                    case false?: return .text(stateTexts[1])
                    case true?: return .text(stateTexts[2])
                    }
                case .created:
                    let age = columns.createdDate(row).map { RelativeTime.age($0, now: now) }
                    if age != lastAge {
                        lastAge = age
                        lastCreated = SynchronizerRow.createdText(age)
                    }
                    return .text(lastCreated)
                }
            }

            @inline(__always)
            private func text(_ field: SynchronizerFleet.Field, _ row: Int) -> TextTable.Cell {
                columns.uuid(field, row).map(TextTable.Cell.uuid) ?? .bytes(columns.textRange(field, row)!)
            }
        }
    }
}

enum SynchronizerResultPrinter {
    static func print(_ result: SynchronizerResult, json: Bool) throws {
        if json {
            try StandardOutput.json(SynchronizerResultJSON(message: result.message, synchronizer: SynchronizerJSON(synchronizer: result.synchronizer)))
            return
        }
        let s = result.synchronizer
        var lines = [Sanitizer.clean(result.message), "ID:    \(Sanitizer.clean(s.id))", "Name:  \(Sanitizer.clean(s.name))", "Key:   \(Sanitizer.clean(s.key))"]
        if s.isEnabled != nil { lines.append("State: \(s.stateText)") }
        try StandardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}
