import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The system's reasons for a failed call (`strerror`: "Permission denied") in Chinese, for
/// messages worded in Chinese (wave 21: an export's failure read `未能写入 …：Permission
/// denied`). The common file errors are translated; another reason stays as the system words it.
public enum SystemWords {
    /// The errors a write, read or socket call commonly gives, with their Chinese words.
    static let chinese: [(Int32, String)] = [
        (EACCES, "权限不足"), (EPERM, "不允许此操作"), (ENOENT, "没有这个文件或目录"),
        (EEXIST, "文件已存在"), (ENOTDIR, "路径中有一项不是目录"), (EISDIR, "是目录"),
        (EROFS, "只读文件系统"), (ENOSPC, "磁盘空间不足"), (EDQUOT, "超出磁盘配额"),
        (ENAMETOOLONG, "文件名太长"), (ELOOP, "符号链接层数过多"), (EBUSY, "设备或资源忙"),
        (EIO, "输入/输出错误"), (EMFILE, "打开的文件过多"), (ETXTBSY, "文件正被执行"),
        (EINVAL, "参数无效"), (ECONNREFUSED, "连接被拒绝"), (EADDRINUSE, "地址已被使用"),
        (EPIPE, "管道已断开"), (EAGAIN, "资源暂时不可用"), (EXDEV, "不能跨文件系统"),
    ]

    /// `reason` (a `strerror` text, as the messages carry it) in Chinese when it is one of
    /// `chinese`'s, else `reason` itself.
    public static func zh(_ reason: String) -> String {
        for (code, words) in chinese where String(cString: strerror(code)) == reason { return words }
        return reason
    }

    /// The reason for `code` (an `errno`) in Chinese when known, else `strerror`'s words.
    public static func zh(code: Int32) -> String {
        chinese.first { $0.0 == code }?.1 ?? String(cString: strerror(code))
    }
}
