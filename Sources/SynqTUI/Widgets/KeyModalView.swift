import SynqViewModel

/// The one-time Synvo key modal. The key is masked unless the user asked to see it; when
/// shown it wraps over as many lines as it needs, since a cut key would be useless.
enum KeyModalView {
    static func draw(_ modal: OneTimeKeyModal, into grid: inout Grid, area: Rect) {
        let width = min(area.width, 68)
        let inner = max(1, width - 4)
        let keyText = Grid.displayable(modal.isRevealed ? modal.secret.reveal() : maskedText(modal, glyphs: grid.glyphs), glyphs: grid.glyphs)
        let keyLines = wrap(keyText, width: inner)
        let dot = grid.glyphs.unicode ? " · " : " | "
        var lines: [(String, StyleRole)] = [
            ("Name:   " + (modal.name.map { $0.isEmpty ? "(unnamed)" : $0 } ?? "(unnamed)"), .modal),
            ("Key id: " + modal.keyID, .modal),
            ("", .modal),
        ]
        lines += keyLines.map { ($0, StyleRole.secret) }
        lines.append(("", .modal))
        lines.append(("Shown only once: copy it (c) or save it (w) now.", .statusWarning))
        switch modal.copy {
        case .notCopied: break
        case .copying: lines.append(("Copying\(grid.glyphs.ellipsis)", .modal))
        case .sent: lines.append(("Sent to the terminal clipboard (OSC 52).", .enabled))
        case .failed(let reason): lines.append(("Copy failed: " + reason, .statusError))
        }
        switch modal.save {
        case .notSaved: lines.append(("w saves to " + modal.suggestedPath, .dim))
        case .saving: lines.append(("Saving\(grid.glyphs.ellipsis)", .modal))
        case .saved(let path): lines.append(("Saved to \(path) (mode 0600).", .enabled))
        case .failed(let reason): lines.append(("Save failed: " + reason, .statusError))
        }
        lines.append(("", .modal))
        if modal.isConfirmingClose {
            lines.append((OneTimeKeyModal.closeQuestion, .statusWarning))
        } else {
            let toggle = modal.isRevealed ? "v hide" : "v show"
            lines.append((["c copy", "w save", toggle, "Enter done"].joined(separator: dot), .helpKey))
        }
        // Sentences wrap at spaces (the close question is longer than the box); the key
        // itself was hard-wrapped above.
        let lastParagraph = lines.last?.0 ?? ""
        lines = lines.flatMap { line -> [(String, StyleRole)] in
            line.1 == .secret ? [line] : wordWrap(line.0, width: inner).map { ($0, line.1) }
        }
        // Keep the key and the question when space is short; drop spacer lines first.
        let maxInside = max(1, area.height - 2)
        if lines.count > maxInside {
            lines.removeAll { $0.0.isEmpty }
        }
        if lines.count > maxInside {
            // The last paragraph (hint or question) is what the user must act on: keep it whole.
            let tailCount = wordWrap(lastParagraph, width: inner).count
            let tail = lines.suffix(min(tailCount, maxInside))
            lines = Array(lines.prefix(max(0, maxInside - tail.count))) + tail
        }
        let height = min(area.height, lines.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        let box = Box(rect: rect, title: "New Synvo key", borderRole: .modal, titleRole: .modalTitle, fillRole: .modal)
        box.draw(into: &grid)
        for (index, line) in lines.enumerated() where index < rect.height - 2 {
            let text = TextLayout.truncate(Grid.displayable(line.0, glyphs: grid.glyphs), to: inner, ellipsis: grid.glyphs.ellipsis)
            grid.write(text, x: rect.x + 2, y: rect.y + 1 + index, role: line.1, maxWidth: inner)
        }
    }

    static func maskedText(_ modal: OneTimeKeyModal, glyphs: Glyphs) -> String {
        glyphs.unicode ? modal.secret.masked : String(repeating: "*", count: modal.secret.masked.count)
    }

    /// Wraps text at spaces to `width` columns; a word longer than the line is hard-wrapped.
    static func wordWrap(_ text: String, width: Int) -> [String] {
        guard width > 0, CharacterWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if CharacterWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if CharacterWidth.of(word) > width {
                let pieces = wrap(word, width: width)
                lines.append(contentsOf: pieces.dropLast())
                current = pieces.last ?? ""
            } else {
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Hard-wraps text to `width` columns (keys have no spaces to break at).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let w = max(1, CharacterWidth.of(character))
            if used + w > width {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
