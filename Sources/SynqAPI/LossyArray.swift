import Foundation

/// Decodes an array element by element, dropping (and counting) elements that fail,
/// so one malformed row from a server never hides the other ninety-nine.
struct LossyArray<Element: Decodable>: Decodable {
    var elements: [Element]
    var skipped: Int

    private struct Skip: Decodable {}

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var elements: [Element] = []
        if let count = container.count { elements.reserveCapacity(count) }
        var skipped = 0
        while !container.isAtEnd {
            if let element = try? container.decode(Element.self) {
                elements.append(element)
            } else {
                _ = try? container.decode(Skip.self)
                skipped += 1
            }
        }
        self.elements = elements
        self.skipped = skipped
    }
}
