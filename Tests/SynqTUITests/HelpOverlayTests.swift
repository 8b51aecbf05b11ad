import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

/// The `?` overlay as drawn: what the cell grid shows, checked against the key table that
/// dispatches keys (not against the list the overlay is built from).
@Suite struct HelpOverlayTests {
    /// Help open on `pane`, rendered the way the terminal loop does it: draw, report what
    /// fits, draw again.
    static func open(_ pane: Pane, settings: ViewModelSettings = ViewModelSettings()) -> AppState {
        var state = Fixtures.loaded(settings: settings)
        Fixtures.apply(&state, .command(.showPane(pane)), .command(.toggleHelp))
        return state
    }

    /// The bindings the key table has for the contexts help lists on this pane.
    static func bindings(_ state: AppState) -> [KeyBinding] {
        KeyMap.standard.bindings.filter { state.helpContexts.contains($0.context) && $0.context != .help }
    }

    /// Every page of the overlay at a size, each as its columns: the text of every entry with
    /// its wrapped rows joined, and the titles. Read from the grid's cells.
    static func pages(_ state: AppState, width: Int, height: Int) -> [[String]] {
        var state = state
        var pages: [[String]] = []
        var seen = Set<Int>()
        while !seen.contains(state.helpOffset) {
            seen.insert(state.helpOffset)
            let frame = Fixtures.render(state, width, height)
            pages.append(columns(frame.grid, state: state, width: width, height: height))
            guard let viewport = frame.helpViewport else { break }
            Fixtures.apply(&state, .helpViewport(viewport), .key(.pageDown))
        }
        return pages
    }

    /// The overlay's columns on one screen, each entry (keys, then its text with wrapped rows
    /// joined by spaces) as one string. Columns are found from the cells' roles: a title or a
    /// key cell starts an entry at the left edge of a column.
    static func columns(_ grid: Grid, state: AppState, width: Int, height: Int) -> [String] {
        let top = 2, bottom = height - 3
        let layout = layout(state, width: width, height: height)
        var entries: [String] = []
        for column in 0..<layout.columns {
            let left = 1 + column * (layout.columnWidth + 2)
            var current: String?
            for y in top...bottom {
                let keyCell = grid[left, y]
                let row = text(grid, y: y, from: left, width: layout.columnWidth)
                if row.isEmpty { continue }
                if keyCell.role == .modalTitle || !text(grid, y: y, from: left, width: layout.keyWidth).isEmpty {
                    if let current { entries.append(current) }
                    current = row
                } else {
                    current = (current ?? "") + " " + row
                }
            }
            if let current { entries.append(current) }
        }
        return entries
    }

    /// The overlay's column geometry at a screen width.
    static func layout(_ state: AppState, width: Int, height: Int) -> HelpOverlay.Layout {
        HelpOverlay.arrange(state, keyMap: .standard, glyphs: .unicode, width: width - 2, height: height - 4).layout
    }

    static func text(_ grid: Grid, y: Int, from x: Int, width: Int) -> String {
        var line = ""
        for column in x..<min(grid.width, x + width) where !grid[column, y].isContinuation { line += grid[column, y].text }
        return line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test(arguments: [Pane.synchronizers, .keys, .preferences])
    func everyKeyOfThePaneIsDrawnWithItsWholeDescription(pane: Pane) {
        let state = Self.open(pane)
        let text = Fixtures.render(state, 250, 80).grid.text
        let expected = Self.bindings(state)
        #expect(!expected.isEmpty)
        for binding in expected {
            let keys = binding.keys.map(\.description).joined(separator: " ")
            #expect(text.contains(keys + " ") && text.contains(binding.help), "\(keys) \(binding.help) in help on \(pane)")
        }
        #expect(!text.contains("…"), "nothing is cut at 250 columns")
    }

    @Test func theTextFieldKeysAreListed() {
        let text = Fixtures.render(Self.open(.synchronizers), 250, 80).grid.text
        #expect(text.contains(KeyMap.textFieldSectionTitle))
        for binding in TextField.bindings {
            #expect(text.contains(binding.help), "\(binding.help)")
        }
        #expect(text.contains("Ctrl-U"))
        #expect(text.contains(TextField.pasteHelp))
    }

    @Test func aLegendExplainsTheRowMarksInTheirOwnStyle() throws {
        let frame = Fixtures.render(Self.open(.synchronizers), 250, 80)
        let text = frame.grid.text
        #expect(text.contains(HelpOverlay.legendTitle))
        let lines = text.split(separator: "\n").map(String.init)
        for (glyph, meaning, role) in [("✓", "Marked for e", StyleRole.marked), ("+", "New since", .changed),
                                       ("●", "Changed since", .changed), ("⋯", "Waiting for the server", .pending)] {
            let y = try #require(lines.firstIndex { $0.contains(meaning) }, "\(meaning)")
            let x = try #require(lines[y].firstRange(of: glyph)).lowerBound
            let column = lines[y].distance(from: lines[y].startIndex, to: x)
            #expect(frame.grid[column, y].role == role, "\(glyph) is drawn as the table draws it")
        }
        let ascii = Fixtures.render(Self.open(.synchronizers), 250, 80, glyphs: .ascii).grid.text
        #expect(ascii.contains("x") && ascii.contains("Marked for e"))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func readOnlyHelpLeavesOutWhatReadOnlyUnbinds() {
        let state = Self.open(.synchronizers, settings: ViewModelSettings(readOnly: true))
        let text = Fixtures.render(state, 250, 80).grid.text
        let bindings = Self.bindings(state)
        #expect(bindings.contains { $0.isMutating })
        for binding in bindings {
            #expect(text.contains(binding.help) != binding.isMutating, "\(binding.help) in read-only help: \(!binding.isMutating)")
        }
        #expect(text.contains("read-only"))
    }

    @Test(arguments: [(80, 24), (40, 10), (120, 30)])
    func descriptionsWrapInsteadOfBeingCut(width: Int, height: Int) {
        let state = Self.open(.synchronizers)
        let pages = Self.pages(state, width: width, height: height)
        #expect(!pages.isEmpty)
        let entries = Set(pages.flatMap { $0 })
        for binding in Self.bindings(state) {
            let keys = binding.keys.map(\.description).joined(separator: " ")
            #expect(entries.contains(keys + " " + binding.help), "\"\(keys) \(binding.help)\" whole at \(width)x\(height)")
        }
        for page in pages {
            #expect(!page.contains { $0.contains("…") }, "no description cut at \(width)x\(height)")
        }
    }

    @Test func aColumnThatStartsInsideASectionRepeatsItsTitle() {
        var state = Self.open(.synchronizers)
        let first = Fixtures.render(state, 40, 10)
        let last = first.helpViewport?.maxOffset ?? 0
        #expect(last > 3, "help scrolls at 40x10")
        for offset in 0...last {
            Fixtures.apply(&state, .helpViewport(HelpViewport(page: 1, maxOffset: last)), .key(.character("g")))
            for _ in 0..<offset { Fixtures.apply(&state, .key(.character("j"))) }
            let grid = Fixtures.render(state, 40, 10).grid
            #expect(grid[1, 2].role == .modalTitle, "the top row is a section title at offset \(offset):\n\(grid.text)")
        }
        // Two columns at 80x24: the second column starts with a title too.
        let wide = Fixtures.render(Self.open(.synchronizers), 80, 24).grid
        let layout = Self.layout(Self.open(.synchronizers), width: 80, height: 24)
        #expect(layout.columns == 2)
        #expect(wide[1 + layout.columnWidth + 2, 2].role == .modalTitle, "\(wide.text)")
    }

    @Test func theScrollKeysAreListedOnlyWhenHelpScrolls() {
        let small = Self.pages(Self.open(.synchronizers), width: 40, height: 10).flatMap { $0 }
        #expect(small.contains("↓ j Scroll down"))
        #expect(small.contains("G End Scroll to the end"))
        let large = Fixtures.render(Self.open(.preferences), 250, 80).grid.text
        #expect(!large.contains("Scroll down"))
    }
}
