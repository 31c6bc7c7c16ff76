/// A key press as the views understand it, independent of ncurses key codes.
/// The backend turns terminal input into these; `KeyMap` turns them into actions.
public enum Key: Hashable, Sendable {
    /// A printable character, including wide characters typed through an input method.
    case char(Character)
    /// Ctrl plus a letter, given in lower case (`.ctrl("l")` for Ctrl-L).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    /// Function key F1..F12.
    case function(Int)
    /// The terminal was resized; the new size is read from the backend.
    case resize
    /// A mouse event (only with `--mouse`).
    case mouse(MouseEvent)
    /// Text pasted into the terminal (bracketed paste), whole: never taken for keys.
    case paste(String)
}

/// A mouse click, double-click or wheel step at a cell (column `x`, row `y`, from 0).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}
