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
        try await TextTable.write(tableColumns, count: rows.count, arena: fleet.arena, cell: cells(fleet, rows: rows, now: now), toOutput: &out)
    }

    /// Cell `(index, column)`: of row `rows[index]` of the fleet.
    static func cells(_ fleet: SynchronizerFleet, rows: [Int], now: Date) -> @Sendable (Int, Int) -> TextTable.Cell {
        // The column order and the computed columns' text rules, taken out once: read from
        // the static list and the definitions for every cell, they cost a copy and a dozen
        // reference counts a cell.
        let order = columns
        let stateText = SynchronizerRow.definition(.state).text, createdText = SynchronizerRow.definition(.created).text
        @Sendable func cell(_ field: SynchronizerFleet.Field, _ row: Int) -> TextTable.Cell {
            fleet.uuid(field, row).map(TextTable.Cell.uuid) ?? .bytes(fleet.textRange(field, row)!)
        }
        // Computed cells read only the state and the date, so the row carries just those.
        @Sendable func computed(_ row: Int) -> SynchronizerRow {
            SynchronizerRow(id: "", name: "", key: "", isEnabled: fleet.isEnabled(at: row), createdAt: fleet.createdDate(at: row))
        }
        return { index, position in
            let row = rows[index]
            switch order[position] {
            // These cells are the server's text as it is: read in place, no string made.
            case .name: return cell(.name, row)
            case .key: return cell(.key, row)
            case .id: return cell(.id, row)
            case .state: return .text(stateText(computed(row), now))
            case .created: return .text(createdText(computed(row), now))
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
