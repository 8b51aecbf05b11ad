/// `dump()` and debuggers walk a value's mirror, not its description; without this a
/// `Secret` nested in any state (the one-time key modal, a masked field) would print its
/// plaintext in a dump. The mirror has no children, only the mask.
extension Secret: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
