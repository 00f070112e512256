import PostgresNIO

/// A bound parameter of a statement: the few column types the store's schema uses.
enum SQLValue: Sendable {
    case text(String?)
    case double(Double?)
    case integer(Int64?)
    case boolean(Bool?)
    case texts([String])
    case integers([Int64])
    case doubles([Double])
    case booleans([Bool])

    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .double(let value): bindings.append(value)
        case .integer(let value): bindings.append(value)
        case .boolean(let value): bindings.append(value)
        case .texts(let values): bindings.append(values)
        case .integers(let values): bindings.append(values)
        case .doubles(let values): bindings.append(values)
        case .booleans(let values): bindings.append(values)
        }
    }
}

/// Values written as parameters without naming their case.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .double(self) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .boolean(self) } }
extension Array: SQLBindable where Element == String { var sqlValue: SQLValue { .texts(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue {
        switch self {
        case .some(let value): return value.sqlValue
        case .none: return .text(nil)
        }
    }
}
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }
