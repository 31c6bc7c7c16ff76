#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts GB18030 text (GB 18030-2005; GBK and GB2312 are subsets) to UTF-8 with the C
/// library's `iconv`, which glibc provides without extra libraries. Foundation on Linux has
/// no documented `String.Encoding` for GB18030, so it is not used.
enum GB18030 {
    /// Why bytes are not GB18030.
    struct Invalid: Error, Equatable {
        /// Offset of the first byte that is not part of a valid sequence.
        var offset: Int
        /// The sequence ends in the middle of a character (the file is cut short).
        var truncated: Bool
    }

    /// Thrown when the C library has no GB18030 converter (`iconv_open` fails).
    struct Unsupported: Error, CustomStringConvertible {
        var description: String { "this system's iconv cannot convert GB18030 (glibc's gconv modules missing?)" }
    }

    /// The UTF-8 bytes of `bytes` read as GB18030.
    /// - Throws: `Invalid` with the offset of the first bad byte, `Unsupported` when iconv
    ///   has no GB18030 converter.
    static func decode(_ bytes: [UInt8]) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, Int(bitPattern: converter) != -1 else { throw Unsupported() }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return [] }
        // 4 bytes of GB18030 never take more than 4 of UTF-8, 2 never more than 3, 1 is 1.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 {
                    let offset = inBuffer.count - inLeft
                    let code = errno
                    throw Invalid(offset: offset, truncated: code == EINVAL)
                }
                return outBuffer.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }
}
