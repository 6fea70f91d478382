/// A field being edited as text.
public struct FieldEdit: Sendable, Equatable {
    /// Which field.
    public var field: FieldID
    /// The text so far and the cursor.
    public var text: TextField
    /// What the field expects.
    public var hint: String

    /// Starts editing.
    public init(field: FieldID, text: String, hint: String) {
        self.field = field
        self.text = TextField(text)
        self.hint = hint
    }
}
