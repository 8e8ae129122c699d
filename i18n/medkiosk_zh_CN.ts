<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mk::config::KioskConfig</name>
    <message>
        <source>%1: "%2" is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (allowed %3 to %4)</source>
        <translation>%1：%2 超出范围（允许 %3 至 %4）</translation>
    </message>
    <message>
        <source>%1: "%2" is not an http(s) URL with a host</source>
        <translation>%1：“%2”不是带主机名的 http(s) 地址</translation>
    </message>
    <message>
        <source>%1: the URL must not carry a user name or password</source>
        <translation>%1：地址中不得包含用户名或密码</translation>
    </message>
    <message>
        <source>%1: plain http is only allowed to this machine (localhost, 127.0.0.1, ::1); use https for %2</source>
        <translation>%1：明文 http 只允许连接本机（localhost、127.0.0.1、::1）；%2 请使用 https</translation>
    </message>
    <message>
        <source>cannot read the configuration file %1</source>
        <translation>无法读取配置文件 %1</translation>
    </message>
    <message>
        <source>the configuration file %1 is not a valid INI file</source>
        <translation>配置文件 %1 不是有效的 INI 文件</translation>
    </message>
    <message>
        <source>kiosk/id: "%1" must be 1 to 64 letters, digits, '.', '_' or '-'</source>
        <translation>kiosk/id：“%1”须为 1 至 64 个字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>kiosk/default_language: "%1" is not zh_CN or en</source>
        <translation>kiosk/default_language：“%1”不是 zh_CN 或 en</translation>
    </message>
    <message>
        <source>store/path: "%1" must be an absolute path</source>
        <translation>store/path：“%1”必须是绝对路径</translation>
    </message>
    <message>
        <source>store/key_file: "%1" must be an absolute path</source>
        <translation>store/key_file：“%1”必须是绝对路径</translation>
    </message>
    <message>
        <source>pool/ca_file: %1 does not exist or is not a file</source>
        <translation>pool/ca_file：%1 不存在或不是文件</translation>
    </message>
    <message>
        <source>pool/request_timeout_ms: %1 is shorter than pool/connect_timeout_ms %2</source>
        <translation>pool/request_timeout_ms：%1 小于 pool/connect_timeout_ms %2</translation>
    </message>
    <message>
        <source>pool/timezone: "%1" is not a known IANA time zone</source>
        <translation>pool/timezone：“%1”不是已知的 IANA 时区</translation>
    </message>
    <message>
        <source>invalid configuration in %1: %2</source>
        <translation>%1 中的配置无效：%2</translation>
    </message>
</context>
<context>
    <name>mk::ctl::BenchStoreCommand</name>
    <message>
        <source>Measure raw SQLCipher durable inserts (rows/s) on the store's disk.</source>
        <translation>测量存储所在磁盘上 SQLCipher 持久插入速度（行/秒）。</translation>
    </message>
    <message>
        <source>Folder to measure in (default: the store's folder).</source>
        <translation>测量所在文件夹（默认：存储所在文件夹）。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Rows per run, one transaction each (default 500).</source>
        <translation>每轮行数，每行一个事务（默认 500）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Runs (default 5).</source>
        <translation>轮数（默认 5）。</translation>
    </message>
    <message>
        <source>--rows must be 1 to 1000000 and --runs 1 to 100</source>
        <translation>--rows 须为 1 至 1000000，--runs 须为 1 至 100</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot create a scratch folder in %1</source>
        <translation>无法在 %1 中创建临时文件夹</translation>
    </message>
    <message>
        <source>%1: median %2 rows/s, min %3, max %4 (spread %5 % of the median)</source>
        <translation>%1：中位数 %2 行/秒，最小 %3，最大 %4（离散度为中位数的 %5 %）</translation>
    </message>
    <message>
        <source>SQLCipher insert benchmark in %1 (%2 runs, WAL, synchronous=FULL, cipher_page_size=%3)</source>
        <translation>%1 中的 SQLCipher 插入基准测试（%2 轮，WAL，synchronous=FULL，cipher_page_size=%3）</translation>
    </message>
    <message>
        <source>one durable transaction per row (%1 rows)</source>
        <translation>每行一个持久事务（%1 行）</translation>
    </message>
    <message>
        <source>one batched transaction (%1 rows)</source>
        <translation>一个批量事务（%1 行）</translation>
    </message>
</context>
<context>
    <name>mk::ctl::CtlRegistry</name>
    <message>
        <source>Usage: medkioskctl &lt;command&gt; [options]

Commands:
</source>
        <translation>用法：medkioskctl &lt;命令&gt; [选项]

命令：
</translation>
    </message>
    <message>
        <source>
Run "medkioskctl &lt;command&gt; --help" for a command's options.
Exit codes: 0 ok, 1 a check failed, 2 usage error.
</source>
        <translation>
运行“medkioskctl &lt;命令&gt; --help”查看该命令的选项。
退出码：0 正常，1 检查失败，2 用法错误。
</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>Configuration file (default: $MEDKIOSK_CONFIG or /etc/medkiosk/kiosk.ini).</source>
        <translation>配置文件（默认：$MEDKIOSK_CONFIG 或 /etc/medkiosk/kiosk.ini）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>以 JSON 输出结果。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::DiagnosticsCommand</name>
    <message>
        <source>Versions, SQLCipher, configuration (no secrets) and the store's state.</source>
        <translation>版本、SQLCipher、配置（不含机密）及存储状态。</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>medkioskctl:     %1</source>
        <translation>medkioskctl：     %1</translation>
    </message>
    <message>
        <source>Qt:              %1</source>
        <translation>Qt：              %1</translation>
    </message>
    <message>
        <source>SQLite:          %1</source>
        <translation>SQLite：          %1</translation>
    </message>
    <message>
        <source>SQLCipher:       %1</source>
        <translation>SQLCipher：       %1</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>file:            %1 (%2)</source>
        <translation>文件：            %1（%2）</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>missing: defaults in use</source>
        <translation>缺失：使用默认值</translation>
    </message>
    <message>
        <source>problem:         %1</source>
        <translation>问题：            %1</translation>
    </message>
    <message>
        <source>Diagnostics: OK</source>
        <translation>诊断：正常</translation>
    </message>
    <message>
        <source>Diagnostics: FAILED</source>
        <translation>诊断：失败</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>mk::ctl::StoreCheck</name>
    <message>
        <source>no store file at %1 (the kiosk creates it on first start)</source>
        <translation>%1 处没有存储文件（自助机首次启动时创建）</translation>
    </message>
    <message>
        <source>integrity check failed: %1</source>
        <translation>完整性检查失败：%1</translation>
    </message>
    <message>
        <source>the store's schema version %1 is newer than this program's %2</source>
        <translation>存储的结构版本 %1 高于本程序的 %2</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>path:            %1</source>
        <translation>路径：            %1</translation>
    </message>
    <message>
        <source>key file:        %1</source>
        <translation>密钥文件：        %1</translation>
    </message>
    <message>
        <source>key from:        %1</source>
        <translation>密钥来源：        %1</translation>
    </message>
    <message>
        <source>size:            %1 bytes</source>
        <translation>大小：            %1 字节</translation>
    </message>
    <message>
        <source>schema version:  %1 (this program: %2)</source>
        <translation>结构版本：        %1（本程序：%2）</translation>
    </message>
    <message>
        <source>integrity:       %1</source>
        <translation>完整性：          %1</translation>
    </message>
    <message>
        <source>problem:         %1</source>
        <translation>问题：            %1</translation>
    </message>
    <message>
        <source>result:          not created yet</source>
        <translation>结果：            尚未创建</translation>
    </message>
    <message>
        <source>result:          OK</source>
        <translation>结果：            正常</translation>
    </message>
    <message>
        <source>result:          FAILED</source>
        <translation>结果：            失败</translation>
    </message>
</context>
<context>
    <name>mk::ctl::StoreCheckCommand</name>
    <message>
        <source>Open the encrypted store read-only and run a full integrity check.</source>
        <translation>以只读方式打开加密存储并进行完整的完整性检查。</translation>
    </message>
</context>
<context>
    <name>mk::store::KeyProvider</name>
    <message>
        <source>systemd credential</source>
        <translation>systemd 凭据</translation>
    </message>
    <message>
        <source>key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>key file (created now)</source>
        <translation>密钥文件（刚刚创建）</translation>
    </message>
    <message>
        <source>no store key file configured</source>
        <translation>未配置存储密钥文件</translation>
    </message>
    <message>
        <source>no store key: neither the systemd credential %1 nor the key file %2 exists</source>
        <translation>没有存储密钥：systemd 凭据 %1 和密钥文件 %2 均不存在</translation>
    </message>
    <message>
        <source>cannot inspect the store key file %1: %2</source>
        <translation>无法检查存储密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot open the store key file %1: %2</source>
        <translation>无法打开存储密钥文件 %1：%2</translation>
    </message>
    <message>
        <source> (it is a symbolic link: point the configuration at the real file)</source>
        <translation>（这是一个符号链接：请在配置中指向实际文件）</translation>
    </message>
    <message>
        <source>the store key file %1 is not a regular file</source>
        <translation>存储密钥文件 %1 不是普通文件</translation>
    </message>
    <message>
        <source>refusing the store key file %1: it is owned by uid %2, not by the user running medkiosk (uid %3). Fix: chown %3 %1</source>
        <translation>拒绝使用存储密钥文件 %1：其所有者为 uid %2，而不是运行 medkiosk 的用户（uid %3）。修复方法：chown %3 %1</translation>
    </message>
    <message>
        <source>refusing the store key file %1: its mode is %2, readable by others than its owner; it must be 0600 or stricter. Fix: chmod 600 %1 (and consider the key exposed: rotate it)</source>
        <translation>拒绝使用存储密钥文件 %1：其权限为 %2，所有者以外的用户可读；必须为 0600 或更严格。修复方法：chmod 600 %1（并视该密钥已泄露：请更换密钥）</translation>
    </message>
    <message>
        <source>the store key file %1 has %2 bytes; it must hold 32 raw bytes or 64 hex characters</source>
        <translation>存储密钥文件 %1 有 %2 字节；必须为 32 个原始字节或 64 个十六进制字符</translation>
    </message>
    <message>
        <source>cannot read the store key file %1: %2</source>
        <translation>无法读取存储密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>the store key in %1 has the wrong size or format (%2 bytes): it must be 32 raw bytes or 64 hex characters</source>
        <translation>%1 中的存储密钥大小或格式错误（%2 字节）：必须为 32 个原始字节或 64 个十六进制字符</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the store key</source>
        <translation>无法为存储密钥创建文件夹 %1</translation>
    </message>
    <message>
        <source>the system's random generator failed: no store key created</source>
        <translation>系统随机数生成器失败：未创建存储密钥</translation>
    </message>
    <message>
        <source>cannot create the store key file %1: %2</source>
        <translation>无法创建存储密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot write the store key file %1: %2</source>
        <translation>无法写入存储密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot flush the store key file %1: %2</source>
        <translation>无法刷新存储密钥文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>mk::store::Migrations</name>
    <message>
        <source>the store has schema version %1 but this program knows only up to %2: refusing to open it (install the newer medkiosk again)</source>
        <translation>存储的结构版本为 %1，但本程序只支持到 %2：拒绝打开（请重新安装较新的 medkiosk）</translation>
    </message>
    <message>
        <source>migration %1 follows %2: versions must have no gaps</source>
        <translation>迁移 %1 紧随 %2：版本号之间不得有空缺</translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation>迁移 %1（%2）失败：%3</translation>
    </message>
</context>
<context>
    <name>mk::store::SqlCipherDb</name>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>statement failed</source>
        <translation>语句执行失败</translation>
    </message>
    <message>
        <source>cannot prepare a statement</source>
        <translation>无法准备语句</translation>
    </message>
    <message>
        <source>cannot set the store key</source>
        <translation>无法设置存储密钥</translation>
    </message>
    <message>
        <source>disk full: free space on the store's disk</source>
        <translation>磁盘已满：请释放存储所在磁盘的空间</translation>
    </message>
    <message>
        <source>wrong key or not a database: check the key file or credential; the file was left untouched</source>
        <translation>密钥错误或不是数据库：请检查密钥文件或凭据；文件未被改动</translation>
    </message>
    <message>
        <source>the store file is corrupt; it was left untouched for recovery</source>
        <translation>存储文件已损坏；文件未被改动，留待恢复</translation>
    </message>
    <message>
        <source>the store is busy: another process or connection holds a lock</source>
        <translation>存储忙：另一个进程或连接持有锁</translation>
    </message>
    <message>
        <source>the store is read-only: check file permissions and the file system</source>
        <translation>存储为只读：请检查文件权限和文件系统</translation>
    </message>
    <message>
        <source>cannot open the store file: check that the folder exists and is writable</source>
        <translation>无法打开存储文件：请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <source>input/output error on the store's disk</source>
        <translation>存储所在磁盘发生输入/输出错误</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>a constraint was violated</source>
        <translation>违反了约束</translation>
    </message>
    <message>
        <source>SQLite error %1</source>
        <translation>SQLite 错误 %1</translation>
    </message>
</context>
<context>
    <name>mk::store::SqlStatement</name>
    <message>
        <source>cannot bind a value</source>
        <translation>无法绑定值</translation>
    </message>
    <message>
        <source>statement failed</source>
        <translation>语句执行失败</translation>
    </message>
</context>
<context>
    <name>mk::store::Store</name>
    <message>
        <source>SQLCipher not linked: refusing to run</source>
        <translation>未链接 SQLCipher：拒绝运行</translation>
    </message>
    <message>
        <source>the store key must be %1 bytes</source>
        <translation>存储密钥必须为 %1 字节</translation>
    </message>
    <message>
        <source>no store path configured</source>
        <translation>未配置存储路径</translation>
    </message>
    <message>
        <source>cannot create the store folder %1</source>
        <translation>无法创建存储文件夹 %1</translation>
    </message>
    <message>
        <source>cannot read the store %1: %2</source>
        <translation>无法读取存储 %1：%2</translation>
    </message>
    <message>
        <source>cannot switch the store to WAL mode (got "%1")</source>
        <translation>无法将存储切换到 WAL 模式（得到“%1”）</translation>
    </message>
    <message>
        <source>integrity check of %1 failed: %2</source>
        <translation>%1 的完整性检查失败：%2</translation>
    </message>
    <message>
        <source>the store %1 is corrupt; it was left untouched for recovery: %2</source>
        <translation>存储 %1 已损坏；文件未被改动，留待恢复：%2</translation>
    </message>
</context>
<context>
    <name>mk::store::StoreInspector</name>
    <message>
        <source>no store file at %1</source>
        <translation>%1 处没有存储文件</translation>
    </message>
    <message>
        <source>SQLCipher not linked: refusing to run</source>
        <translation>未链接 SQLCipher：拒绝运行</translation>
    </message>
    <message>
        <source>cannot read the store %1: %2</source>
        <translation>无法读取存储 %1：%2</translation>
    </message>
</context>
</TS>