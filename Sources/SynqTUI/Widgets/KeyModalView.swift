import SynqViewModel
import SynqText

/// The one-time Synvo key modal. The key is masked unless the user asked to see it; when
/// shown it wraps over as many lines as it needs, since a cut key would be useless. On a
/// small screen the wording gets shorter and the least useful lines go first, so the key,
/// the save path and every action key always stay visible.
enum KeyModalView {
    /// One paragraph of the modal. `priority` says what goes first when space is short
    /// (lowest first); `nil` never goes.
    struct Paragraph {
        var lines: [String]
        var role: StyleRole
        var priority: Int?
    }

    static func draw(_ modal: OneTimeKeyModal, into grid: inout Grid, area: Rect) {
        let width = min(area.width, 68)
        let inner = max(1, width - 4)
        let lines = fit(paragraphs(modal, glyphs: grid.glyphs, width: inner), height: max(1, area.height - 2))
        let height = min(area.height, lines.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        let box = Box(rect: rect, title: "New Synvo key", borderRole: .modal, titleRole: .modalTitle, fillRole: .modal)
        box.draw(into: &grid)
        for (index, line) in lines.enumerated() where index < rect.height - 2 {
            let text = TextLayout.truncate(Grid.displayable(line.text, glyphs: grid.glyphs), to: inner, ellipsis: grid.glyphs.ellipsis)
            grid.write(text, x: rect.x + 2, y: rect.y + 1 + index, role: line.role, maxWidth: inner)
        }
    }

    /// Everything the modal says, wrapped to `width`, in order.
    static func paragraphs(_ modal: OneTimeKeyModal, glyphs: Glyphs, width: Int) -> [Paragraph] {
        func text(_ long: String, or short: String? = nil, _ role: StyleRole, priority: Int?) -> Paragraph {
            let chosen = short.map { CharacterWidth.of(long) <= width ? long : $0 } ?? long
            return Paragraph(lines: TextWrap.words(chosen, width: width), role: role, priority: priority)
        }
        let spacer = Paragraph(lines: [""], role: .modal, priority: 0)
        let keyText = Grid.displayable(modal.isRevealed ? modal.secret.reveal() : maskedText(modal, glyphs: glyphs), glyphs: glyphs)
        var result = [
            text("Name:   " + (modal.name.map { $0.isEmpty ? "(unnamed)" : $0 } ?? "(unnamed)"), .modal, priority: 1),
            text("Key id: " + modal.keyID, .modal, priority: 3),
            spacer,
            Paragraph(lines: TextWrap.characters(keyText, width: width), role: .secret, priority: nil),
            spacer,
            text("Shown only once: copy it (c) or save it (w) now.", or: "Shown once: copy (c) or save (w).", .statusWarning, priority: 2),
        ]
        switch modal.copy {
        case .notCopied: break
        case .copying: result.append(text("Copying\(glyphs.ellipsis)", .modal, priority: 4))
        case .sent: result.append(text("Sent to the terminal clipboard (OSC 52).", or: "Sent to the clipboard (OSC 52).", .enabled, priority: 4))
        case .failed(let reason): result.append(text("Copy failed: " + reason, .statusError, priority: 4))
        }
        switch modal.save {
        case .notSaved:
            let long = "w saves to " + modal.suggestedPath
            let short = "file: " + modal.suggestedPath
            result.append(text(long, or: CharacterWidth.of(short) <= width ? short : long, .dim, priority: 4))
        case .saving: result.append(text("Saving\(glyphs.ellipsis)", .modal, priority: 4))
        case .saved(let path): result.append(text("Saved to \(path) (mode 0600).", .enabled, priority: 4))
        case .failed(let reason): result.append(text("Save failed: " + reason, .statusError, priority: 4))
        }
        result.append(spacer)
        if modal.isConfirmingClose {
            result.append(text(OneTimeKeyModal.closeQuestion, .statusWarning, priority: nil))
        } else {
            let items = ["c copy", "w save", modal.isRevealed ? "v hide" : "v show", "Enter done"]
            let lines = TextWrap.items(items, separator: glyphs.unicode ? " · " : " | ", width: width)
            result.append(Paragraph(lines: lines, role: .helpKey, priority: nil))
        }
        return result
    }

    /// The lines that fit in `height`: whole paragraphs are dropped, lowest priority first
    /// (spacers, then the name, the warning, the key id, the status lines). If even the key
    /// and the last paragraph (the action keys or the question) do not fit, the last
    /// paragraph is kept whole and the key is cut.
    static func fit(_ paragraphs: [Paragraph], height: Int) -> [(text: String, role: StyleRole)] {
        var kept = paragraphs
        let priorities = Set(paragraphs.compactMap(\.priority)).sorted()
        for priority in priorities where kept.reduce(0, { $0 + $1.lines.count }) > height {
            kept.removeAll { $0.priority == priority }
        }
        var lines = kept.flatMap { paragraph in paragraph.lines.map { (text: $0, role: paragraph.role) } }
        if lines.count > height {
            let tail = lines.suffix(min(kept.last?.lines.count ?? 0, height))
            lines = Array(lines.prefix(max(0, height - tail.count))) + tail
        }
        return lines
    }

    static func maskedText(_ modal: OneTimeKeyModal, glyphs: Glyphs) -> String {
        glyphs.unicode ? modal.secret.masked : String(repeating: "*", count: modal.secret.masked.count)
    }
}
