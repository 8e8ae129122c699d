<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mk</name>
    <message>
        <source>You already have the maximum number of bookings for that day. Please choose another day, or ask the staff at the service desk.</source>
        <translation>您当天的预约已达上限。请选择其他日期，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>Bookings cannot be made that far ahead. Please choose an earlier day.</source>
        <translation>无法预约这么远的日期。请选择更早的日期。</translation>
    </message>
    <message>
        <source>This time starts too soon to be booked here. Please choose a later time, or ask the staff at the service desk.</source>
        <translation>该时段即将开始，无法在此预约。请选择较晚的时段，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>This time has already passed. Please choose another time.</source>
        <translation>该时段已过。请选择其他时段。</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment at the kiosk. Please ask the staff at the service desk.</source>
        <translation>已过在自助机上取消该预约的时限。请到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The hospital&apos;s booking rules do not allow this booking. Please choose another time, or ask the staff at the service desk.</source>
        <translation>医院的预约规则不允许此次预约。请选择其他时段，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>Cannot reach the hospital system right now. Please try again in a moment or ask the staff at the service desk.</source>
        <translation>暂时无法连接医院系统。请稍后再试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The hospital system did not answer in time. Please try again in a moment or ask the staff at the service desk.</source>
        <translation>医院系统未能及时响应。请稍后再试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>A secure connection to the hospital system could not be made. Please ask the staff at the service desk for help.</source>
        <translation>无法与医院系统建立安全连接。请到服务台请工作人员帮助。</translation>
    </message>
    <message>
        <source>The hospital system has a problem at the moment. Please try again in a few minutes or ask the staff at the service desk.</source>
        <translation>医院系统暂时出现问题。请几分钟后再试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The hospital system is busy. Please wait a moment and try again.</source>
        <translation>医院系统繁忙。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>This time was just taken by someone else. Please choose another time.</source>
        <translation>该时段刚刚被他人预约。请选择其他时段。</translation>
    </message>
    <message>
        <source>Nothing was found for what you entered. Please check it and try again, or ask the staff at the service desk.</source>
        <translation>未找到与您输入内容相符的信息。请检查后重试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The hospital system could not accept this request. Please check what you entered, or ask the staff at the service desk.</source>
        <translation>医院系统无法受理此请求。请检查您输入的内容，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The hospital system sent an answer the kiosk cannot read. Please try again or ask the staff at the service desk.</source>
        <translation>医院系统返回了自助机无法识别的应答。请重试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The kiosk is offline, so this cannot be done now. Please try again later or ask the staff at the service desk.</source>
        <translation>自助机处于离线状态，暂时无法办理。请稍后再试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>The kiosk could not save your data. Please ask the staff at the service desk for help.</source>
        <translation>自助机无法保存您的数据。请到服务台请工作人员帮助。</translation>
    </message>
    <message>
        <source>The kiosk is not set up correctly. Please ask the staff at the service desk for help.</source>
        <translation>自助机设置有误。请到服务台请工作人员帮助。</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again or ask the staff at the service desk.</source>
        <translation>出现了问题。请重试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>This appointment is already checked in and can no longer be cancelled here. Please ask at the desk.</source>
        <translation>该预约已报到，无法在此取消。请到服务台咨询。</translation>
    </message>
</context>
<context>
    <name>mk::SafeFile</name>
    <message>
        <source>a symbolic link</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>flushing to the disk failed: %1</source>
        <translation>写入磁盘失败：%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2; nothing was written</source>
        <translation>无法写入 %1：%2；未写入任何内容</translation>
    </message>
    <message>
        <source>cannot make the folder %1 private: %2</source>
        <translation>无法将文件夹 %1 设为私有：%2</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>refusing %1: it is %2, not a regular file</source>
        <translation>拒绝 %1：它是%2，不是普通文件</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>未给出文件名</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>refusing to write %1: it is in the folder of the local store (%2), where only the kiosk writes. Choose another folder.</source>
        <translation>拒绝写入 %1：它位于本地存储的文件夹（%2）中，只有自助机可以写入该文件夹。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>cannot inspect %1: %2</source>
        <translation>无法检查 %1：%2</translation>
    </message>
    <message>
        <source>refusing to write %1: it is %2, not a regular file. Nothing was changed.</source>
        <translation>拒绝写入 %1：它是%2，不是普通文件。未做任何更改。</translation>
    </message>
    <message>
        <source>refusing to write %1: the file exists. Nothing was changed; choose a new name, or add --force to replace it.</source>
        <translation>拒绝写入 %1：文件已存在。未做任何更改；请换一个文件名，或加 --force 替换它。</translation>
    </message>
    <message>
        <source>wrote %1 but could not make it durable (folder sync failed: %2)</source>
        <translation>已写入 %1，但无法确保其持久保存（文件夹同步失败：%2）</translation>
    </message>
    <message>
        <source>cannot flush the folder %1 to the disk: %2</source>
        <translation>无法将文件夹 %1 写入磁盘：%2</translation>
    </message>
</context>
<context>
    <name>mk::app::DemoPool</name>
    <message>
        <source>the simulator program %1 was not found (install the medkiosk-poolsim package, or set MEDKIOSK_POOLSIM)</source>
        <translation>找不到模拟器程序 %1（请安装 medkiosk-poolsim 软件包，或设置 MEDKIOSK_POOLSIM）</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not report its address within %2 s</source>
        <translation>%1 在 %2 秒内未报告其地址</translation>
    </message>
    <message>
        <source>%1 reported no usable address</source>
        <translation>%1 未报告可用的地址</translation>
    </message>
</context>
<context>
    <name>mk::app::KioskApp</name>
    <message>
        <source>Hospital self-service kiosk: book an appointment.</source>
        <translation>医院自助机：预约挂号。</translation>
    </message>
    <message>
        <source>Run against a built-in booking-pool simulator with demo data (state in ~/.local/state/medkiosk-demo).</source>
        <translation>连接内置的号源池模拟器并使用演示数据运行（状态保存在 ~/.local/state/medkiosk-demo）。</translation>
    </message>
    <message>
        <source>Start language: zh_CN or en (default from the configuration).</source>
        <translation>启动语言：zh_CN 或 en（默认取自配置）。</translation>
    </message>
    <message>
        <source>Demo only: drive the booking flow in both languages and both screen sizes, save every screen as PNG under DIR, exit.</source>
        <translation>仅限演示：以两种语言、两种屏幕尺寸走完预约流程，将每个界面保存为 PNG 到 DIR 下，然后退出。</translation>
    </message>
    <message>
        <source>Print startup_ms=&lt;n&gt; once the start screen is shown and idle, then exit.</source>
        <translation>开始界面显示并空闲后输出 startup_ms=&lt;n&gt;，然后退出。</translation>
    </message>
    <message>
        <source>A normal window instead of full screen.</source>
        <translation>以普通窗口而非全屏运行。</translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not &quot;%1&quot;.</source>
        <translation>--lang 必须为 zh_CN 或 en，而不是“%1”。</translation>
    </message>
    <message>
        <source>the configuration %1 is not valid: %2</source>
        <translation>配置 %1 无效：%2</translation>
    </message>
    <message>
        <source>this build of medkiosk is not linked with SQLCipher (%1). It refuses to run, because the local store would not be encrypted. Reinstall the medkiosk package or rebuild it against libsqlcipher.</source>
        <translation>此 medkiosk 版本未链接 SQLCipher（%1）。由于本地存储将不会加密，程序拒绝运行。请重新安装 medkiosk 软件包，或基于 libsqlcipher 重新编译。</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the screenshot run.</source>
        <translation>无法为截图运行创建临时文件夹。</translation>
    </message>
    <message>
        <source>no booking pool is configured (pool/base_url in %1); use --demo to try the kiosk with its simulator.</source>
        <translation>未配置号源池（%1 中的 pool/base_url）；如需试用自助机，请使用 --demo 配合模拟器运行。</translation>
    </message>
    <message>
        <source>Hospital kiosk</source>
        <translation>医院自助机</translation>
    </message>
    <message>
        <source>the demo booking-pool simulator did not start: %1</source>
        <translation>演示号源池模拟器未能启动：%1</translation>
    </message>
    <message>
        <source>cannot create the folder of the local store %1. Staff: check the permissions of the state directory.</source>
        <translation>无法创建本地存储的文件夹 %1。工作人员：请检查状态目录的权限。</translation>
    </message>
    <message>
        <source>the key of the local store could not be loaded: %1. Staff: check the key file or the systemd credential; the store was not touched.</source>
        <translation>无法加载本地存储的密钥：%1。工作人员：请检查密钥文件或 systemd 凭据；存储未被改动。</translation>
    </message>
    <message>
        <source>the local store %1 could not be opened: %2. Never delete it: it may hold check-ins and payments not yet sent. Staff: run &quot;medkioskctl store check&quot; and call IT support.</source>
        <translation>无法打开本地存储 %1：%2。切勿删除：其中可能有尚未发送的报到和支付记录。工作人员：请运行“medkioskctl store check”并联系 IT 支持。</translation>
    </message>
    <message>
        <source>the [face] settings of %1 are not valid: %2</source>
        <translation>%1 中的 [face] 设置无效：%2</translation>
    </message>
    <message>
        <source>not enabled ([face] enabled=false)</source>
        <translation>未启用（[face] enabled=false）</translation>
    </message>
    <message>
        <source>no photo under %1/photos/johns for the demo camera</source>
        <translation>%1/photos/johns 下没有可供演示摄像头使用的照片</translation>
    </message>
    <message>
        <source>the demo photo %1 cannot be read</source>
        <translation>无法读取演示照片 %1</translation>
    </message>
    <message>
        <source>face sign-in is off: %1</source>
        <translation>刷脸登录已关闭：%1</translation>
    </message>
    <message>
        <source>face sign-in is off: %1; run scripts/fetch-face-models.sh</source>
        <translation>刷脸登录已关闭：%1；请运行 scripts/fetch-face-models.sh</translation>
    </message>
    <message>
        <source>Configuration file (default: $MEDKIOSK_CONFIG, else /etc/medkiosk/kiosk.ini when it exists, else built-in defaults).</source>
        <translation>配置文件（默认：$MEDKIOSK_CONFIG；否则在 /etc/medkiosk/kiosk.ini 存在时使用它；否则使用内置默认值）。</translation>
    </message>
    <message>
        <source>cannot create the demo folder %1: %2.</source>
        <translation>无法创建演示文件夹 %1：%2。</translation>
    </message>
    <message>
        <source>STAFF: the local store %1 exists but its key cannot be loaded: %2. Nothing was changed and no new key was made. Restore the key file (or correct store/key_file in the configuration, or provide the systemd credential %3), then start the kiosk again.</source>
        <translation>工作人员：本地存储 %1 存在，但无法加载其密钥：%2。未做任何更改，也未生成新密钥。请恢复密钥文件（或更正配置中的 store/key_file，或提供 systemd 凭据 %3），然后重新启动自助机。</translation>
    </message>
    <message>
        <source>STAFF: the local store %1 could not be read with its key (%2). It was moved aside to %3 and nothing was deleted: it may hold check-ins not yet sent. To recover it, IT stops the kiosk, puts the key that store was made with in place, and renames %3 back to %1 (with its -wal and -shm files if present); &quot;medkioskctl store check&quot; then says whether it reads. The kiosk goes on with a new, empty store.</source>
        <translation>工作人员：无法用其密钥读取本地存储 %1（%2）。它已被移至 %3，没有删除任何内容：其中可能有尚未发送的报到记录。恢复方法：IT 人员停止自助机，放回创建该存储时所用的密钥，并将 %3 改回 %1（如有 -wal 和 -shm 文件也一并改回）；然后运行 &quot;medkioskctl store check&quot; 检查能否读取。自助机将使用一个新的空存储继续运行。</translation>
    </message>
    <message>
        <source>cannot write the demo kiosk&apos;s JWKS %1: %2</source>
        <translation>无法写入演示自助机的 JWKS %1：%2</translation>
    </message>
    <message>
        <source>STAFF: this kiosk&apos;s identity key cannot be used: %1. The kiosk is out of service until IT fixes it (docs/identity.md).</source>
        <translation>工作人员：本自助机的身份密钥无法使用：%1。在 IT 人员修复之前，本机暂停服务（见 docs/identity.md）。</translation>
    </message>
    <message>
        <source>STAFF: the local store %1 cannot be read with its key, and a key rotation was interrupted (%2 exists). Nothing was changed. IT: run &quot;medkioskctl store rekey&quot; to finish the rotation, then start the kiosk again.</source>
        <translation>工作人员：无法用其密钥读取本地存储 %1，且密钥轮换曾被中断（%2 存在）。未做任何更改。IT：请运行“medkioskctl store rekey”完成轮换，然后重新启动自助机。</translation>
    </message>
    <message>
        <source>STAFF: the kiosk cannot start: %1</source>
        <translation>工作人员：自助机无法启动：%1</translation>
    </message>
</context>
<context>
    <name>mk::booking::BookingRules</name>
    <message>
        <source>The time slot has no valid start</source>
        <translation>该时段没有有效的开始时间</translation>
    </message>
    <message>
        <source>The time slot has already started</source>
        <translation>该时段已经开始</translation>
    </message>
    <message numerus="yes">
        <source>The time slot starts in less than %n minute(s)</source>
        <translation>
            <numerusform>该时段将在 %n 分钟内开始</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bookings are open at most %n day(s) ahead</source>
        <translation>
            <numerusform>最多只能提前 %n 天预约</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n booking(s) per patient per day</source>
        <translation>
            <numerusform>每位患者每天最多预约 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>The appointment has no valid start</source>
        <translation>该预约没有有效的开始时间</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling is possible until %n hour(s) before the visit</source>
        <translation>
            <numerusform>就诊前 %n 小时之前可以取消</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mk::booking::BookingService</name>
    <message>
        <source>The booking pool is unreachable (%1)</source>
        <translation>无法连接号源池（%1）</translation>
    </message>
</context>
<context>
    <name>mk::checkin</name>
    <message>
        <source>You are checked in. The hospital system cannot be reached right now, so this number is provisional; the nurse will confirm it.</source>
        <translation>您已报到。暂时无法连接医院系统，此号码为临时号码，护士会为您确认。</translation>
    </message>
    <message>
        <source>You were already checked in. This is your number.</source>
        <translation>您之前已报到。这是您的号码。</translation>
    </message>
    <message>
        <source>You are checked in. Please wait until your number is called.</source>
        <translation>您已报到。请等候叫号。</translation>
    </message>
    <message>
        <source>It is too early to check in. Please come back after %1.</source>
        <translation>现在报到还太早。请在 %1 之后再来。</translation>
    </message>
    <message>
        <source>The time to check in for this appointment has passed. Please go to the registration desk.</source>
        <translation>此预约的报到时间已过。请到挂号窗口办理。</translation>
    </message>
    <message>
        <source>This appointment was cancelled. Please go to the registration desk.</source>
        <translation>此预约已取消。请到挂号窗口办理。</translation>
    </message>
    <message>
        <source>This appointment was not found. Please check the number or go to the registration desk.</source>
        <translation>未找到此预约。请检查号码，或到挂号窗口办理。</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached, so an appointment number cannot be checked now. Please scan the QR code of your appointment, or try again later.</source>
        <translation>暂时无法连接医院系统，现在无法核对预约号。请扫描预约二维码，或稍后再试。</translation>
    </message>
    <message>
        <source>This is not an appointment code. Please scan the QR code of your appointment.</source>
        <translation>这不是预约二维码。请扫描您的预约二维码。</translation>
    </message>
    <message>
        <source>This appointment code is from another hospital. Please go to the registration desk.</source>
        <translation>此预约二维码来自其他医院。请到挂号窗口办理。</translation>
    </message>
    <message>
        <source>This appointment code has expired. Please go to the registration desk.</source>
        <translation>此预约二维码已过期。请到挂号窗口办理。</translation>
    </message>
    <message>
        <source>Check-in is not available at this kiosk. Please ask staff.</source>
        <translation>本自助机不提供报到服务。请咨询工作人员。</translation>
    </message>
    <message>
        <source>This appointment code cannot be read or is not valid. Please go to the registration desk.</source>
        <translation>此预约二维码无法识别或无效。请到挂号窗口办理。</translation>
    </message>
    <message>
        <source>This appointment is on floor %1. Please go to floor %1 and check in at the kiosk there.</source>
        <translation>这个预约在 %1 楼。请到 %1 楼，在那里的自助机签到。</translation>
    </message>
    <message>
        <source>This appointment is in building %1, floor %2. Please go there and check in at the kiosk there.</source>
        <translation>这个预约在 %1 栋 %2 楼。请前往那里，在那里的自助机签到。</translation>
    </message>
    <message>
        <source>This appointment is in building %1. Please go there and check in at the kiosk there.</source>
        <translation>这个预约在 %1 栋。请前往那里，在那里的自助机签到。</translation>
    </message>
    <message>
        <source>You have no appointment today. Your next appointment is on %1 at %2. Please come back that day.</source>
        <translation>您今天没有预约。您的下一个预约在 %1 %2。请当天再来。</translation>
    </message>
    <message>
        <source>You have no appointment today. Please book one on Home, or ask at the service desk.</source>
        <translation>您今天没有预约。请在首页预约挂号，或到服务台咨询。</translation>
    </message>
    <message>
        <source>This card is not known to the hospital system. Please scan your appointment code, or ask at the service desk.</source>
        <translation>医院系统中没有这张卡。请扫描您的预约码，或到服务台咨询。</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached right now and your appointments are not known at this kiosk. Please scan the QR code of your appointment, or ask at the service desk.</source>
        <translation>目前无法连接医院系统，本机也没有您的预约信息。请扫描预约二维码，或到服务台咨询。</translation>
    </message>
    <message>
        <source>Your appointments could not be read. %1</source>
        <translation>无法读取您的预约。%1</translation>
    </message>
    <message>
        <source>This appointment is on %1, not today. Please come back that day; check-in opens at %2.</source>
        <translation>这个预约在 %1，不是今天。请当天再来；签到从 %2 开始。</translation>
    </message>
</context>
<context>
    <name>mk::checkin::CheckinOptions</name>
    <message>
        <source>checkin/%1: &quot;%2&quot; is not a whole number</source>
        <translation>checkin/%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>checkin/floor: &quot;%1&quot; is not a floor number (-9 to 200)</source>
        <translation>checkin/floor：“%1”不是楼层号（-9 到 200）</translation>
    </message>
</context>
<context>
    <name>mk::config::IniFile</name>
    <message>
        <source>the configuration file %1 does not exist</source>
        <translation>配置文件 %1 不存在</translation>
    </message>
    <message>
        <source>the configuration file %1 cannot be used: %2</source>
        <translation>无法使用配置文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the configuration file %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
    <message>
        <source>the configuration file %1 is larger than %2 bytes: not a configuration file</source>
        <translation>配置文件 %1 大于 %2 字节：不是配置文件</translation>
    </message>
    <message>
        <source>the configuration file %1 is not a text file (it holds binary data)</source>
        <translation>配置文件 %1 不是文本文件（含有二进制数据）</translation>
    </message>
    <message>
        <source>the configuration file %1 is not UTF-8 text</source>
        <translation>配置文件 %1 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>the configuration file %1 is not an INI file: line %2 is neither a [section], a key = value line nor a comment</source>
        <translation>配置文件 %1 不是 INI 文件：第 %2 行既不是 [节]，也不是“键 = 值”行或注释</translation>
    </message>
</context>
<context>
    <name>mk::config::KioskConfig</name>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (allowed %3 to %4)</source>
        <translation>%1：%2 超出范围（允许 %3 至 %4）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an http(s) URL with a host</source>
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
        <source>kiosk/id: &quot;%1&quot; must be 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>kiosk/id：“%1”须为 1 至 64 个字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>kiosk/default_language: &quot;%1&quot; is not zh_CN or en</source>
        <translation>kiosk/default_language：“%1”不是 zh_CN 或 en</translation>
    </message>
    <message>
        <source>store/path: &quot;%1&quot; must be an absolute path</source>
        <translation>store/path：“%1”必须是绝对路径</translation>
    </message>
    <message>
        <source>store/key_file: &quot;%1&quot; must be an absolute path</source>
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
        <source>pool/timezone: &quot;%1&quot; is not a known IANA time zone</source>
        <translation>pool/timezone：“%1”不是已知的 IANA 时区</translation>
    </message>
    <message>
        <source>invalid configuration in %1: %2</source>
        <translation>%1 中的配置无效：%2</translation>
    </message>
    <message>
        <source>identity/key_file: &quot;%1&quot; must be an absolute path</source>
        <translation>identity/key_file：“%1”必须是绝对路径</translation>
    </message>
    <message>
        <source>pool/token_url: &quot;%1&quot; must be an https URL (plain http only to this machine)</source>
        <translation>pool/token_url：“%1”必须是 https 地址（仅本机可用普通 http）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mk::ctl::BenchStoreCommand</name>
    <message>
        <source>Measure raw SQLCipher durable inserts (rows/s) on the store&apos;s disk.</source>
        <translation>测量存储所在磁盘上 SQLCipher 持久插入速度（行/秒）。</translation>
    </message>
    <message>
        <source>Folder to measure in (default: the store&apos;s folder).</source>
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
    <name>mk::ctl::CheckinVerifyCommand</name>
    <message>
        <source>Check an appointment code (TEXT, - or --image FILE), show its claims.</source>
        <translation>检查预约码（TEXT、- 或 --image FILE），显示其内容。</translation>
    </message>
    <message>
        <source>Decode the QR code of this image file (a regular file) first.</source>
        <translation>先解码此图像文件（普通文件）中的二维码。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Usage: medkioskctl checkin verify TEXT|-|--image FILE [--json]</source>
        <translation>用法：medkioskctl checkin verify TEXT|-|--image FILE [--json]</translation>
    </message>
    <message>
        <source>configuration: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>not a check-in code</source>
        <translation>不是报到码</translation>
    </message>
    <message>
        <source>damaged (cut, re-encoded or malformed)</source>
        <translation>已损坏（被截断、重新编码或格式错误）</translation>
    </message>
    <message>
        <source>forged signature (altered, or not signed with the pool&apos;s key)</source>
        <translation>签名伪造（被篡改，或不是用号源池的密钥签名）</translation>
    </message>
    <message>
        <source>other hospital (issued by &quot;%1&quot;)</source>
        <translation>其他医院（由“%1”签发）</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>cannot be checked: no usable pool public key is configured</source>
        <translation>无法检查：未配置可用的号源池公钥</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>claims (NOT verified, do not trust them):</source>
        <translation>内容（未经验证，请勿信任）：</translation>
    </message>
    <message>
        <source>claims:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>appointment number</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>slot start</source>
        <translation>号源开始时间</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>签发方</translation>
    </message>
    <message>
        <source>not yet open: this code is not yet valid for check-in</source>
        <translation>尚未开放：此码暂不能用于报到</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>现在开放</translation>
    </message>
    <message>
        <source>check-in window: %1 to %2 (%3)</source>
        <translation>报到时段：%1 至 %2（%3）</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; refused</source>
        <translation>%1 不是普通文件；已拒绝</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; refused</source>
        <translation>%1 大于 %2 MiB；已拒绝</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot read image %1: %2</source>
        <translation>无法读取图像 %1：%2</translation>
    </message>
    <message>
        <source>no QR code found in %1</source>
        <translation>在 %1 中未找到二维码</translation>
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
Run &quot;medkioskctl &lt;command&gt; --help&quot; for a command&apos;s options.
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
    <name>mk::ctl::DeviceProbe</name>
    <message>
        <source>(first reader)</source>
        <translation>（第一个读卡器）</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未及时应答</translation>
    </message>
</context>
<context>
    <name>mk::ctl::DevicesCommand</name>
    <message>
        <source>Longest wait for the devices to answer (ms).</source>
        <translation>等待设备应答的最长时间（毫秒）。</translation>
    </message>
    <message>
        <source>configuration file %1 not found: devices use their defaults (off)</source>
        <translation>未找到配置文件 %1：设备使用默认设置（关闭）</translation>
    </message>
    <message>
        <source>Devices: OK</source>
        <translation>设备：正常</translation>
    </message>
    <message>
        <source>Devices: PROBLEM</source>
        <translation>设备：有问题</translation>
    </message>
    <message>
        <source>Configured devices (printer, card reader, speech, scanner, camera) with their state.</source>
        <translation>已配置的设备（打印机、读卡器、语音、扫码器、摄像头）及其状态。</translation>
    </message>
    <message>
        <source>[devices] camera: unknown backend (none, qt or folder)</source>
        <translation>[devices] camera：未知的后端（应为 none、qt 或 folder）</translation>
    </message>
    <message>
        <source>invalid configuration: %1</source>
        <translation>配置无效：%1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::DiagnosticsCommand</name>
    <message>
        <source>Versions, SQLCipher, configuration (no secrets) and the store&apos;s state.</source>
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
    <name>mk::ctl::FaceCommand</name>
    <message>
        <source>Folder with the face models (default $MEDKIOSK_MODELS_DIR or ~/.cache/medkiosk/models).</source>
        <translation>人脸模型所在文件夹（默认 $MEDKIOSK_MODELS_DIR 或 ~/.cache/medkiosk/models）。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The images are aligned 150x150 face chips (no detection).</source>
        <translation>图像为已对齐的 150x150 人脸图块（不做检测）。</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>cannot read the image %1</source>
        <translation>无法读取图像 %1</translation>
    </message>
    <message>
        <source>faces: %1, quality: %2 (%3)</source>
        <translation>人脸数：%1，质量：%2（%3）</translation>
    </message>
    <message>
        <source>no single face: %1</source>
        <translation>不是单张人脸：%1</translation>
    </message>
    <message>
        <source>distance %1 (threshold %2): %3</source>
        <translation>距离 %1（阈值 %2）：%3</translation>
    </message>
    <message>
        <source>same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>different people</source>
        <translation>不同的人</translation>
    </message>
    <message>
        <source>face data deleted: %1 templates and the consent record</source>
        <translation>人脸数据已删除：%1 个模板及同意记录</translation>
    </message>
    <message>
        <source>Match threshold, L2 distance (default: [face] match_threshold, %1).</source>
        <translation>匹配阈值，L2 距离（默认：[face] match_threshold，%1）。</translation>
    </message>
    <message>
        <source>Smallest face width in pixels the detector looks for, 0 for a full-frame search (default %1).</source>
        <translation>检测器查找的最小人脸宽度（像素），0 表示全帧搜索（默认 %1）。</translation>
    </message>
    <message>
        <source>Face templates: embed IMAGE [--chip], compare A B, eval DIR, delete PATIENT_ID, verify PATIENT_ID IMAGE.</source>
        <translation>人脸模板：embed IMAGE [--chip]、compare A B、eval DIR、delete PATIENT_ID、verify PATIENT_ID IMAGE。</translation>
    </message>
    <message>
        <source>no face template for this patient</source>
        <translation>该患者没有人脸模板</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>usage: medkioskctl face embed IMAGE [--chip] | compare A B | eval DIR | delete PATIENT_ID | verify PATIENT_ID IMAGE [--chip] | lockout [--clear]</source>
        <translation>用法：medkioskctl face embed IMAGE [--chip] | compare A B | eval DIR | delete PATIENT_ID | verify PATIENT_ID IMAGE [--chip] | lockout [--clear]</translation>
    </message>
</context>
<context>
    <name>mk::ctl::FaceLockoutCommand</name>
    <message>
        <source>Show the face identification lockout and recent failures; --clear ends it.</source>
        <translation>显示人脸识别锁定状态和最近的失败次数；--clear 解除锁定。</translation>
    </message>
    <message>
        <source>End the lockout and forget the failures (written to the staff audit log).</source>
        <translation>解除锁定并清除失败记录（写入工作人员审计日志）。</translation>
    </message>
    <message>
        <source>by %1; was %2</source>
        <translation>操作人 %1；之前为%2</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>未锁定</translation>
    </message>
    <message>
        <source>lockout cleared, but the audit row was not written: %1</source>
        <translation>锁定已解除，但审计记录未能写入：%1</translation>
    </message>
    <message>
        <source>face identification locked until %1</source>
        <translation>人脸识别锁定至 %1</translation>
    </message>
    <message>
        <source>face identification not locked</source>
        <translation>人脸识别未锁定</translation>
    </message>
    <message>
        <source>recent failures (last %1 s): %2 of %3</source>
        <translation>最近失败次数（最近 %1 秒）：%2 / %3</translation>
    </message>
    <message>
        <source>cleared (staff audit row written)</source>
        <translation>已解除（已写入工作人员审计记录）</translation>
    </message>
</context>
<context>
    <name>mk::ctl::HealthCommand</name>
    <message>
        <source>The kiosk&apos;s health in the Prometheus text format (node_exporter textfile).</source>
        <translation>以 Prometheus 文本格式输出自助机健康状态（node_exporter textfile）。</translation>
    </message>
    <message>
        <source>Write to this file atomically, mode 0644 (e.g. /var/lib/prometheus/node-exporter/medkiosk.prom).</source>
        <translation>以原子方式写入此文件，权限 0644（例如 /var/lib/prometheus/node-exporter/medkiosk.prom）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Longest wait for the devices to answer (ms).</source>
        <translation>等待设备应答的最长时间（毫秒）。</translation>
    </message>
    <message>
        <source>Do not open the devices (the running kiosk holds a serial printer or scanner and the camera).</source>
        <translation>不打开设备（运行中的自助机占用串口打印机或扫码器以及摄像头）。</translation>
    </message>
    <message>
        <source>invalid configuration: %1</source>
        <translation>配置无效：%1</translation>
    </message>
    <message>
        <source>health writes the Prometheus text format only (for JSON: medkioskctl queue status --json, devices --json)</source>
        <translation>health 只输出 Prometheus 文本格式（JSON 请用：medkioskctl queue status --json、devices --json）</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityExportJwksCommand</name>
    <message>
        <source>Print the public keys (JWKS) to register with the pool, or --out FILE.</source>
        <translation>输出要向号源池登记的公钥（JWKS），或用 --out FILE 写入文件。</translation>
    </message>
    <message>
        <source>Write the JWKS to a new file.</source>
        <translation>将 JWKS 写入一个新文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>JWKS written to %1</source>
        <translation>JWKS 已写入 %1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityInitCommand</name>
    <message>
        <source>Make this kiosk&apos;s identity key (EC P-384) unless it has one.</source>
        <translation>生成本自助机的身份密钥（EC P-384），已有则不生成。</translation>
    </message>
    <message>
        <source>identity key: %1</source>
        <translation>身份密钥：%1</translation>
    </message>
    <message>
        <source>key id (kid): %1</source>
        <translation>密钥标识（kid）：%1</translation>
    </message>
    <message>
        <source>Register it with the pool: medkioskctl identity export-jwks</source>
        <translation>请向号源池登记：medkioskctl identity export-jwks</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityRotateCommand</name>
    <message>
        <source>Make a new key; the old one works until the pool accepts the new one.</source>
        <translation>生成新密钥；在号源池接受新密钥之前，旧密钥继续有效。</translation>
    </message>
    <message>
        <source>A new key (kid %1) waits in %2. Register this JWKS (both keys) with the pool; the kiosk keeps using the old key until the pool accepts the new one, then retires the old one.</source>
        <translation>新密钥（kid %1）在 %2 中等待。请向号源池登记此 JWKS（含两个密钥）；在号源池接受新密钥之前，自助机继续使用旧密钥，之后停用旧密钥。</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityShowCommand</name>
    <message>
        <source>Show this kiosk&apos;s client id, key ids, token endpoint and scopes.</source>
        <translation>显示本自助机的客户端 ID、密钥标识、令牌端点和权限范围。</translation>
    </message>
    <message>
        <source>(discovered from %1/.well-known/smart-configuration)</source>
        <translation>（从 %1/.well-known/smart-configuration 发现）</translation>
    </message>
    <message>
        <source>client id (kiosk/id): %1</source>
        <translation>客户端 ID（kiosk/id）：%1</translation>
    </message>
    <message>
        <source>token endpoint: %1</source>
        <translation>令牌端点：%1</translation>
    </message>
    <message>
        <source>scopes: %1</source>
        <translation>权限范围：%1</translation>
    </message>
    <message>
        <source>identity key: none usable: %1</source>
        <translation>身份密钥：无可用密钥：%1</translation>
    </message>
    <message>
        <source>identity key: %1</source>
        <translation>身份密钥：%1</translation>
    </message>
    <message>
        <source>key id (kid): %1</source>
        <translation>密钥标识（kid）：%1</translation>
    </message>
    <message>
        <source>new key waiting for registration (rotate): %1</source>
        <translation>等待登记的新密钥（轮换）：%1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayLedgerVerifyCommand</name>
    <message>
        <source>Check the payment ledger&apos;s hash chain: names an altered, removed or reordered row.</source>
        <translation>检查缴费台账的哈希链：指出被修改、删除或调换顺序的行。</translation>
    </message>
    <message numerus="yes">
        <source>Payment ledger verified: %n row(s), chain intact.</source>
        <translation>
            <numerusform>缴费台账校验通过：共 %n 行，哈希链完整。</numerusform>
        </translation>
    </message>
    <message>
        <source>Payment ledger NOT intact: %1</source>
        <translation>缴费台账不完整：%1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayListCommand</name>
    <message>
        <source>List the payments of a day (default today).</source>
        <translation>列出某一天的缴费（默认今天）。</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD (hospital time).</source>
        <translation>日期，YYYY-MM-DD（医院时间）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>--date must be YYYY-MM-DD</source>
        <translation>--date 必须是 YYYY-MM-DD 格式</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n 笔缴费</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayReconcileCommand</name>
    <message>
        <source>Compare a day&apos;s payments in this kiosk&apos;s ledger with the pool&apos;s list.</source>
        <translation>将本机台账中某一天的缴费与号源池的缴费清单对账。</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD (hospital time).</source>
        <translation>日期，YYYY-MM-DD（医院时间）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>--date YYYY-MM-DD is required</source>
        <translation>必须指定 --date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>no booking pool is configured (pool/base_url)</source>
        <translation>未配置号源池（pool/base_url）</translation>
    </message>
    <message>
        <source>cannot reconcile: %1</source>
        <translation>无法对账：%1</translation>
    </message>
    <message>
        <source>%1: %2 payment(s) in the kiosk&apos;s ledger, %3 at the pool</source>
        <translation>%1：本机台账 %2 笔缴费，号源池 %3 笔</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayStatusCommand</name>
    <message>
        <source>Show today&apos;s payments by state and method, and what awaits review.</source>
        <translation>显示今天的缴费（按状态和支付方式）以及待审核的项目。</translation>
    </message>
    <message>
        <source>cannot read the payments from the store</source>
        <translation>无法从本地存储读取缴费记录</translation>
    </message>
    <message>
        <source>Payments on %1:</source>
        <translation>%1 的缴费：</translation>
    </message>
    <message>
        <source>  paid by %1: %2</source>
        <translation>  %1 支付：%2</translation>
    </message>
    <message>
        <source>Taken offline, waiting for the pool: %1 (%2)</source>
        <translation>离线收取、等待上传号源池：%1 笔（%2）</translation>
    </message>
    <message>
        <source>Failed payments awaiting review: %1</source>
        <translation>待审核的失败缴费：%1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QrDecodeCommand</name>
    <message>
        <source>Decode the QR code of an image file (IMAGE) with the kiosk&apos;s decoder.</source>
        <translation>用自助机的解码器解码图像文件（IMAGE）中的二维码。</translation>
    </message>
    <message>
        <source>Usage: medkioskctl qr decode IMAGE [--json]</source>
        <translation>用法：medkioskctl qr decode IMAGE [--json]</translation>
    </message>
    <message>
        <source>cannot read image %1: %2</source>
        <translation>无法读取图像 %1：%2</translation>
    </message>
    <message>
        <source>no QR code found</source>
        <translation>未找到二维码</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueCtl</name>
    <message>
        <source>unknown (the relay has not run yet)</source>
        <translation>未知（转发器尚未运行）</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message>
        <source>pool:                 %1</source>
        <translation>号源池：             %1</translation>
    </message>
    <message>
        <source>waiting:              %1</source>
        <translation>等待发送：           %1</translation>
    </message>
    <message>
        <source>oldest waiting:       %1 s (since %2)</source>
        <translation>最早等待：           %1 秒（自 %2 起）</translation>
    </message>
    <message>
        <source>last successful sync: %1</source>
        <translation>最近一次成功同步：   %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>dead letters:         %1</source>
        <translation>失败记录：           %1</translation>
    </message>
    <message>
        <source>sent:                 %1</source>
        <translation>已发送：             %1</translation>
    </message>
    <message>
        <source>discarded:            %1</source>
        <translation>已丢弃：             %1</translation>
    </message>
    <message>
        <source>attempts %1</source>
        <translation>尝试 %1 次</translation>
    </message>
    <message>
        <source>an outbox record id (a positive number) is required</source>
        <translation>需要待发记录编号（正整数）</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueDiscardCommand</name>
    <message>
        <source>Give up an outbox record (ID) that must not be sent; --reason is required.</source>
        <translation>放弃一条不应发送的待发记录（ID）；必须提供 --reason。</translation>
    </message>
    <message>
        <source>Why, for the audit log (required).</source>
        <translation>原因，记入审计日志（必填）。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>--reason is required</source>
        <translation>必须提供 --reason</translation>
    </message>
    <message>
        <source>record %1 discarded</source>
        <translation>记录 %1 已丢弃</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueExportCommand</name>
    <message>
        <source>Write a redacted outbox report (no personal data) to FILE.</source>
        <translation>将脱敏的待发队列报告（不含个人数据）写入 FILE。</translation>
    </message>
    <message>
        <source>a file name is required</source>
        <translation>需要文件名</translation>
    </message>
    <message>
        <source>%1 records written to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
    <message>
        <source>Replace FILE if it exists (only a regular file is ever replaced).</source>
        <translation>如果 FILE 已存在则替换它（只会替换普通文件）。</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueListCommand</name>
    <message>
        <source>List outbox records, newest first.</source>
        <translation>列出待发记录，最新的在前。</translation>
    </message>
    <message>
        <source>Only records in this state: queued, sent, dead, discarded.</source>
        <translation>仅列出此状态的记录：queued、sent、dead、discarded。</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>At most this many (default 100).</source>
        <translation>最多列出这么多条（默认 100）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>unknown state %1</source>
        <translation>未知状态 %1</translation>
    </message>
    <message>
        <source>--limit must be a positive number</source>
        <translation>--limit 必须为正数</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>没有记录</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueRetryCommand</name>
    <message>
        <source>Queue a dead outbox record again (ID), keeping its idempotency key.</source>
        <translation>将一条失败的待发记录（ID）重新排队，保留其幂等键。</translation>
    </message>
    <message>
        <source>Why, for the audit log.</source>
        <translation>原因，记入审计日志。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>retried by staff</source>
        <translation>由工作人员重试</translation>
    </message>
    <message>
        <source>record %1 queued again; the kiosk sends it at its next pass</source>
        <translation>记录 %1 已重新排队；自助机会在下一轮发送</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueStatusCommand</name>
    <message>
        <source>Show the outbox: waiting commands, dead letters, pool connectivity.</source>
        <translation>显示待发队列：等待中的命令、失败记录、号源池连接状态。</translation>
    </message>
</context>
<context>
    <name>mk::ctl::StaffPinCommand</name>
    <message>
        <source>Set the staff PIN of the maintenance mode (read from standard input).</source>
        <translation>设置维护模式的工作人员 PIN（从标准输入读取）。</translation>
    </message>
    <message>
        <source>New staff PIN (%1 to %2 digits): </source>
        <translation>新的工作人员 PIN（%1 至 %2 位数字）：</translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was changed</source>
        <translation>两次输入的 PIN 不一致；未作任何更改</translation>
    </message>
    <message>
        <source>staff PIN set; failed attempts and lockout cleared</source>
        <translation>工作人员 PIN 已设置；失败次数和锁定已清除</translation>
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
        <source>the store&apos;s schema version %1 is newer than this program&apos;s %2</source>
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
    <name>mk::ctl::StoreRekeyCommand</name>
    <message>
        <source>Re-encrypt the stopped kiosk&apos;s store with a new random key, keeping every record.</source>
        <translation>用新的随机密钥重新加密已停止的自助机的本地存储，保留所有记录。</translation>
    </message>
    <message>
        <source>Use the new key in FILE (made by medkiosk-ctl for the systemd credential) and leave replacing the old key to the caller.</source>
        <translation>使用 FILE 中的新密钥（由 medkiosk-ctl 为 systemd 凭据生成），由调用者负责替换旧密钥。</translation>
    </message>
    <message>
        <source>Store re-encrypted with a new key: %1 rows in %2 tables kept (%3 ms in all).</source>
        <translation>本地存储已用新密钥重新加密：%2 张表共 %1 行均已保留（共 %3 毫秒）。</translation>
    </message>
    <message>
        <source>Store not re-encrypted: %1</source>
        <translation>本地存储未重新加密：%1</translation>
    </message>
    <message>
        <source>Store re-encrypted, but the new key is not in place: %1</source>
        <translation>本地存储已重新加密，但新密钥尚未就位：%1</translation>
    </message>
    <message>
        <source>Store key rotation stopped in an unclear state: %1</source>
        <translation>存储密钥轮换在不确定的状态下停止：%1</translation>
    </message>
</context>
<context>
    <name>mk::face::Enrollment</name>
    <message>
        <source>Recognise you at this kiosk so that you can check in without your card.</source>
        <translation>在本自助机上识别您，这样您无需就诊卡即可报到。</translation>
    </message>
    <message>
        <source>A face template (128 numbers computed from your face). No photo is kept. It stays encrypted on this kiosk.</source>
        <translation>一个人脸模板（由您的面部计算出的 128 个数字）。不保存照片。模板加密保存在本自助机上。</translation>
    </message>
    <message>
        <source>no consent record for face data</source>
        <translation>没有人脸数据的同意记录</translation>
    </message>
    <message>
        <source>face data retention must be at least one day</source>
        <translation>人脸数据的保留期至少为一天</translation>
    </message>
    <message>
        <source>age unknown: face enrollment needs the patient&apos;s age</source>
        <translation>年龄未知：录入人脸需要患者的年龄</translation>
    </message>
    <message>
        <source>patients under %1 cannot enroll their face at the kiosk</source>
        <translation>未满 %1 岁的患者不能在自助机上录入人脸</translation>
    </message>
    <message>
        <source>patients under %1 need a guardian&apos;s consent for face data</source>
        <translation>未满 %1 岁的患者录入人脸数据需要监护人同意</translation>
    </message>
    <message>
        <source>%1 good frames needed, %2 collected</source>
        <translation>需要 %1 个合格画面，已采集 %2 个</translation>
    </message>
    <message>
        <source>the enrollment frames do not show the same face</source>
        <translation>录入的画面不是同一张脸</translation>
    </message>
    <message>
        <source>the consent is for another patient</source>
        <translation>该同意书属于另一位患者</translation>
    </message>
</context>
<context>
    <name>mk::face::FaceConfigLoader</name>
    <message>
        <source>[face] %1=%2 is not a number between %3 and %4</source>
        <translation>[face] %1=%2 不是 %3 到 %4 之间的数字</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>[face] a minimum is not below its maximum</source>
        <translation>[face] 某个最小值不小于其最大值</translation>
    </message>
</context>
<context>
    <name>mk::face::FaceEngine</name>
    <message>
        <source>face model %1 is missing (run scripts/fetch-face-models.sh)</source>
        <translation>缺少人脸模型 %1（请运行 scripts/fetch-face-models.sh）</translation>
    </message>
    <message>
        <source>face model %1 cannot be read: %2</source>
        <translation>无法读取人脸模型 %1：%2</translation>
    </message>
    <message>
        <source>face model %1 is damaged: SHA-256 %2, expected %3 (fetch it again with scripts/fetch-face-models.sh)</source>
        <translation>人脸模型 %1 已损坏：SHA-256 为 %2，应为 %3（请用 scripts/fetch-face-models.sh 重新获取）</translation>
    </message>
    <message>
        <source>face models in %1 could not be loaded: %2</source>
        <translation>无法加载 %1 中的人脸模型：%2</translation>
    </message>
    <message>
        <source>face models not loaded</source>
        <translation>人脸模型未加载</translation>
    </message>
    <message>
        <source>empty or tiny image</source>
        <translation>图像为空或过小</translation>
    </message>
    <message>
        <source>face detection failed: %1</source>
        <translation>人脸检测失败：%1</translation>
    </message>
    <message>
        <source>face description failed: %1</source>
        <translation>人脸特征提取失败：%1</translation>
    </message>
    <message>
        <source>a face chip must be %1x%1 pixels, this image is %2x%3</source>
        <translation>人脸图块必须为 %1x%1 像素，此图像为 %2x%3</translation>
    </message>
    <message>
        <source>empty image</source>
        <translation>图像为空</translation>
    </message>
    <message>
        <source>no face</source>
        <translation>没有人脸</translation>
    </message>
</context>
<context>
    <name>mk::face::FaceEvaluation</name>
    <message>
        <source>%1 has no subfolder per person</source>
        <translation>%1 中没有按人划分的子文件夹</translation>
    </message>
</context>
<context>
    <name>mk::face::Identifier</name>
    <message>
        <source>too many failed attempts: face identification paused for %1 s</source>
        <translation>失败次数过多：人脸识别暂停 %1 秒</translation>
    </message>
    <message>
        <source>no enrolled face matches</source>
        <translation>没有匹配的已录入人脸</translation>
    </message>
    <message>
        <source>the phone digits do not match</source>
        <translation>手机号码后几位不匹配</translation>
    </message>
    <message>
        <source>no face template for this patient</source>
        <translation>该患者没有人脸模板</translation>
    </message>
    <message>
        <source>the face does not match the patient&apos;s template</source>
        <translation>人脸与该患者的模板不匹配</translation>
    </message>
</context>
<context>
    <name>mk::face::Liveness</name>
    <message>
        <source>Please turn your head slowly to your left, then look back.</source>
        <translation>请慢慢把头转向左边，然后再看回来。</translation>
    </message>
    <message>
        <source>Please turn your head slowly to your right, then look back.</source>
        <translation>请慢慢把头转向右边，然后再看回来。</translation>
    </message>
    <message>
        <source>Please lower your chin slowly, then look back at the camera.</source>
        <translation>请慢慢低下下巴，然后再看向摄像头。</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>请看向摄像头。</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>请正视摄像头。</translation>
    </message>
</context>
<context>
    <name>mk::face::Quality</name>
    <message>
        <source>Hold still, thank you.</source>
        <translation>请保持不动，谢谢。</translation>
    </message>
    <message>
        <source>Only one person please. Others, please step out of the picture.</source>
        <translation>请只留一人。其他人请离开画面。</translation>
    </message>
    <message>
        <source>Please come a little closer to the camera.</source>
        <translation>请再靠近摄像头一些。</translation>
    </message>
    <message>
        <source>Please look straight at the camera.</source>
        <translation>请正视摄像头。</translation>
    </message>
    <message>
        <source>Please hold still for a moment.</source>
        <translation>请保持不动片刻。</translation>
    </message>
    <message>
        <source>It is too dark. Please face the light or call staff.</source>
        <translation>光线太暗。请面向光源，或呼叫工作人员。</translation>
    </message>
    <message>
        <source>Too much light. Please step out of direct light.</source>
        <translation>光线太强。请避开直射光。</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>请看向摄像头。</translation>
    </message>
    <message>
        <source>No face found. Please stand close in front of the camera and look at it.</source>
        <translation>未检测到人脸。请站到摄像头正前方并看向它。</translation>
    </message>
</context>
<context>
    <name>mk::face::SqlTemplateStore</name>
    <message>
        <source>no face-data consent for this patient</source>
        <translation>该患者没有同意使用人脸数据</translation>
    </message>
</context>
<context>
    <name>mk::hw::CardReader</name>
    <message>
        <source>no card reader configured ([devices] card_reader = none)</source>
        <translation>未配置读卡器（[devices] card_reader = none）</translation>
    </message>
    <message>
        <source>smart card service (pcscd) not running: %1</source>
        <translation>智能卡服务（pcscd）未运行：%1</translation>
    </message>
    <message>
        <source>no card reader connected: plug in the reader</source>
        <translation>未连接读卡器：请插入读卡器</translation>
    </message>
    <message>
        <source>card reader &quot;%1&quot; not connected: plug it in</source>
        <translation>读卡器“%1”未连接：请插入</translation>
    </message>
    <message>
        <source>card removed while reading: insert the card again and leave it in</source>
        <translation>读卡时卡被拔出：请重新插卡并保持插入</translation>
    </message>
    <message>
        <source>card could not be read (%1): try again</source>
        <translation>无法读取卡片（%1）：请重试</translation>
    </message>
</context>
<context>
    <name>mk::hw::DeviceSettings</name>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (allowed %3 to %4); using %5</source>
        <translation>%1：%2 超出范围（允许 %3 至 %4）；改用 %5</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of %3</source>
        <translation>%1：“%2”不是 %3 之一</translation>
    </message>
</context>
<context>
    <name>mk::hw::ReceiptPrinter</name>
    <message>
        <source>printer not reachable (%1): check its power and cable</source>
        <translation>无法连接打印机（%1）：请检查电源和线缆</translation>
    </message>
    <message>
        <source>cover open: close the printer cover</source>
        <translation>打印机盖已打开：请合上打印机盖</translation>
    </message>
    <message>
        <source>paper out: load a new paper roll and close the cover</source>
        <translation>缺纸：请装入新纸卷并合上盖子</translation>
    </message>
    <message>
        <source>cutter error: open the cover, clear the paper jam, close the cover</source>
        <translation>切刀故障：打开盖子，清除卡纸，再合上盖子</translation>
    </message>
    <message>
        <source>printer error: switch the printer off and on again</source>
        <translation>打印机故障：请关闭打印机再重新打开</translation>
    </message>
    <message>
        <source>printer offline: check paper and cover; it resumes by itself when cleared</source>
        <translation>打印机离线：请检查纸张和盖子；排除后会自动恢复</translation>
    </message>
    <message>
        <source>paper near end: replace the paper roll soon</source>
        <translation>纸将用完：请尽快更换纸卷</translation>
    </message>
    <message>
        <source>no printer configured ([devices] printer_transport = none)</source>
        <translation>未配置打印机（[devices] printer_transport = none）</translation>
    </message>
    <message>
        <source>unknown [devices] printer_transport: use serial, usblp or tcp</source>
        <translation>未知的 [devices] printer_transport：请使用 serial、usblp 或 tcp</translation>
    </message>
    <message>
        <source>printer stopped</source>
        <translation>打印机已停止</translation>
    </message>
</context>
<context>
    <name>mk::hw::Speaker</name>
    <message>
        <source>speech off ([devices] speech_engine = none)</source>
        <translation>语音已关闭（[devices] speech_engine = none）</translation>
    </message>
    <message>
        <source>speech not started</source>
        <translation>语音未启动</translation>
    </message>
    <message>
        <source>no audio output (no sound card in /dev/snd, no PulseAudio or PipeWire): numbers are shown and printed, not spoken</source>
        <translation>没有音频输出（/dev/snd 中没有声卡，也没有 PulseAudio 或 PipeWire）：号码只显示和打印，不播报</translation>
    </message>
    <message>
        <source>speech engine &quot;%1&quot; not installed (Debian: qt6-speech-speechd-plugin, speech-dispatcher-espeak-ng)</source>
        <translation>未安装语音引擎“%1”（Debian：qt6-speech-speechd-plugin、speech-dispatcher-espeak-ng）</translation>
    </message>
    <message>
        <source>speech engine error: %1</source>
        <translation>语音引擎错误：%1</translation>
    </message>
    <message>
        <source>no Chinese or English voice installed (espeak-ng-data)</source>
        <translation>未安装中文或英文语音（espeak-ng-data）</translation>
    </message>
    <message>
        <source>no Mandarin voice: Chinese is not spoken</source>
        <translation>没有普通话语音：不播报中文</translation>
    </message>
    <message>
        <source>no English voice: English is not spoken</source>
        <translation>没有英文语音：不播报英文</translation>
    </message>
    <message>
        <source>%1; zh: %2; en: %3</source>
        <translation>%1；中文：%2；英文：%3</translation>
    </message>
    <message>
        <source>no voice for this language</source>
        <translation>没有此语言的语音</translation>
    </message>
    <message>
        <source>speech stopped</source>
        <translation>语音已停止</translation>
    </message>
</context>
<context>
    <name>mk::identity::AuthText</name>
    <message>
        <source>Out of service: the booking pool does not accept this kiosk&apos;s identity (%1). IT: register this kiosk&apos;s key (medkioskctl identity export-jwks) or check its clock.</source>
        <translation>暂停服务：号源池不接受本自助机的身份（%1）。IT：请登记本机密钥（medkioskctl identity export-jwks）或检查本机时钟。</translation>
    </message>
    <message>
        <source>Out of service: the booking pool does not allow this kiosk everything it needs (%1). IT: grant the scopes listed in docs/pool-protocol.md.</source>
        <translation>暂停服务：号源池未授予本自助机所需的全部权限（%1）。IT：请授予 docs/pool-protocol.md 中列出的权限范围。</translation>
    </message>
    <message>
        <source>Out of service: this kiosk has no usable identity key (%1). IT: run medkioskctl identity init and register the key.</source>
        <translation>暂停服务：本自助机没有可用的身份密钥（%1）。IT：请运行 medkioskctl identity init 并登记密钥。</translation>
    </message>
    <message>
        <source>The booking pool&apos;s sign-in service does not answer (%1); the kiosk keeps trying.</source>
        <translation>号源池的登录服务没有响应（%1）；自助机会继续尝试。</translation>
    </message>
    <message>
        <source>This kiosk is out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <source>Sorry, this kiosk cannot be used right now. Please go to the registration window, where staff will help you.</source>
        <translation>抱歉，本机暂时无法使用。请到挂号窗口，工作人员会为您办理。</translation>
    </message>
</context>
<context>
    <name>mk::identity::IdentityKey</name>
    <message>
        <source>OpenSSL could not make an EC P-384 key</source>
        <translation>OpenSSL 无法生成 EC P-384 密钥</translation>
    </message>
    <message>
        <source>OpenSSL could not write the new key</source>
        <translation>OpenSSL 无法写出新密钥</translation>
    </message>
    <message>
        <source>the identity key is not a PEM private key</source>
        <translation>身份密钥不是 PEM 私钥</translation>
    </message>
    <message>
        <source>the identity key is not an EC P-384 key (ES384 needs one)</source>
        <translation>身份密钥不是 EC P-384 密钥（ES384 需要此类密钥）</translation>
    </message>
    <message>
        <source>the identity key has no public point</source>
        <translation>身份密钥没有公钥点</translation>
    </message>
    <message>
        <source>cjose could not make the public JWK: %1</source>
        <translation>cjose 无法生成公钥 JWK：%1</translation>
    </message>
    <message>
        <source>cjose could not write the JWK</source>
        <translation>cjose 无法写出 JWK</translation>
    </message>
</context>
<context>
    <name>mk::identity::KioskIdentity</name>
    <message>
        <source>systemd credential %1</source>
        <translation>systemd 凭据 %1</translation>
    </message>
    <message>
        <source>key file %1 (made now)</source>
        <translation>密钥文件 %1（刚生成）</translation>
    </message>
    <message>
        <source>key file %1</source>
        <translation>密钥文件 %1</translation>
    </message>
    <message>
        <source>cannot open the identity key %1: %2</source>
        <translation>无法打开身份密钥 %1：%2</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>owned by uid %1, not by the kiosk&apos;s user (uid %2)</source>
        <translation>属于 uid %1，而不是自助机用户（uid %2）</translation>
    </message>
    <message>
        <source>mode %1 lets others read it; it must be 0600 (chmod 600, and consider the key exposed: rotate it)</source>
        <translation>权限 %1 允许他人读取；必须为 0600（chmod 600，并视该密钥已泄露：请轮换）</translation>
    </message>
    <message>
        <source>too large for a key</source>
        <translation>文件过大，不是密钥</translation>
    </message>
    <message>
        <source>refusing the identity key %1: %2</source>
        <translation>拒绝使用身份密钥 %1：%2</translation>
    </message>
    <message>
        <source>the identity key %1 cannot be used: %2</source>
        <translation>身份密钥 %1 无法使用：%2</translation>
    </message>
    <message>
        <source>cannot write the identity key %1: %2</source>
        <translation>无法写入身份密钥 %1：%2</translation>
    </message>
    <message>
        <source>no identity key file is configured</source>
        <translation>未配置身份密钥文件</translation>
    </message>
    <message>
        <source>this kiosk has no identity key yet (neither the systemd credential %1 nor %2): run &quot;medkioskctl identity init&quot;</source>
        <translation>本自助机还没有身份密钥（既没有 systemd 凭据 %1，也没有 %2）：请运行 &quot;medkioskctl identity init&quot;</translation>
    </message>
    <message>
        <source>the identity key is the systemd credential %1: rotate it with the packaging&apos;s credential tooling (docs/identity.md)</source>
        <translation>身份密钥是 systemd 凭据 %1：请用软件包提供的凭据工具轮换（见 docs/identity.md）</translation>
    </message>
    <message>
        <source>a new key already waits for registration (%1); register the JWKS from &quot;medkioskctl identity export-jwks&quot; with the pool</source>
        <translation>已有新密钥在等待登记（%1）；请向号源池登记 &quot;medkioskctl identity export-jwks&quot; 输出的 JWKS</translation>
    </message>
    <message>
        <source>cannot put the new identity key in place: %1</source>
        <translation>无法启用新的身份密钥：%1</translation>
    </message>
</context>
<context>
    <name>mk::outbox::Outbox</name>
    <message>
        <source>an outbox command needs a kind and an ordering key</source>
        <translation>待发命令需要类型和排序键</translation>
    </message>
    <message>
        <source>there is no outbox record %1</source>
        <translation>没有待发记录 %1</translation>
    </message>
    <message>
        <source>who is required</source>
        <translation>必须填写操作人</translation>
    </message>
    <message>
        <source>record %1 is %2: only dead or discarded records can be retried</source>
        <translation>记录 %1 处于 %2 状态：只有失败或已丢弃的记录可以重试</translation>
    </message>
    <message>
        <source>who and a reason are required</source>
        <translation>必须填写操作人和原因</translation>
    </message>
    <message>
        <source>record %1 is %2: only queued or dead records can be discarded</source>
        <translation>记录 %1 处于 %2 状态：只有排队中或失败的记录可以丢弃</translation>
    </message>
</context>
<context>
    <name>mk::qr::QrImage</name>
    <message>
        <source>No text for the QR code</source>
        <translation>二维码没有内容</translation>
    </message>
    <message>
        <source>Text too long for a QR code</source>
        <translation>文字过长，无法生成二维码</translation>
    </message>
    <message>
        <source>Cannot make a QR code: %1</source>
        <translation>无法生成二维码：%1</translation>
    </message>
    <message>
        <source>Cannot make a QR code</source>
        <translation>无法生成二维码</translation>
    </message>
    <message>
        <source>A QR code of this text needs at least %1 pixels</source>
        <translation>此文字的二维码至少需要 %1 像素</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>没有图像</translation>
    </message>
    <message>
        <source>No QR code found in the image</source>
        <translation>图像中未找到二维码</translation>
    </message>
    <message>
        <source>QR decoder failed: %1</source>
        <translation>二维码解码失败：%1</translation>
    </message>
    <message>
        <source>QR decoder failed</source>
        <translation>二维码解码失败</translation>
    </message>
</context>
<context>
    <name>mk::staff::Maintenance</name>
    <message>
        <source>a reason is required to discard a record</source>
        <translation>丢弃记录必须提供原因</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot make the folder %1 private to the kiosk</source>
        <translation>无法将文件夹 %1 设为自助机私有</translation>
    </message>
</context>
<context>
    <name>mk::staff::StaffPin</name>
    <message>
        <source>the staff PIN must be %1 to %2 digits</source>
        <translation>工作人员 PIN 必须为 %1 至 %2 位数字</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. IT support sets one with: medkioskctl staff set-pin (it reads the PIN from the keyboard).</source>
        <translation>本自助机未设置工作人员 PIN。IT 支持人员可用以下命令设置：medkioskctl staff set-pin（从键盘读取 PIN）。</translation>
    </message>
    <message>
        <source>no random bytes for the PIN salt</source>
        <translation>无法获取 PIN 盐值所需的随机字节</translation>
    </message>
    <message>
        <source>PBKDF2 failed</source>
        <translation>PBKDF2 失败</translation>
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
        <source>the system&apos;s random generator failed: no store key created</source>
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
    <message>
        <source>cannot prepare the folder %1 for the store key: %2</source>
        <translation>无法为存储密钥准备文件夹 %1：%2</translation>
    </message>
    <message>
        <source>cannot make the store key file %1 private (chmod 0600): %2</source>
        <translation>无法将存储密钥文件 %1 设为私有（chmod 0600）：%2</translation>
    </message>
    <message>
        <source>cannot flush the folder of the store key file %1: %2</source>
        <translation>无法将存储密钥文件 %1 所在文件夹写入磁盘：%2</translation>
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
        <source>disk full: free space on the store&apos;s disk</source>
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
        <source>input/output error on the store&apos;s disk</source>
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
    <message>
        <source>the store key must be %1 bytes</source>
        <translation>存储密钥必须为 %1 字节</translation>
    </message>
    <message>
        <source>SQLCipher not linked: refusing to run</source>
        <translation>未链接 SQLCipher：拒绝运行</translation>
    </message>
    <message>
        <source>cannot re-encrypt the store with the new key</source>
        <translation>无法用新密钥重新加密本地存储</translation>
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
        <source>the store key must be %1 bytes</source>
        <translation>存储密钥必须为 %1 字节</translation>
    </message>
    <message>
        <source>no store path configured</source>
        <translation>未配置存储路径</translation>
    </message>
    <message>
        <source>cannot read the store %1: %2</source>
        <translation>无法读取存储 %1：%2</translation>
    </message>
    <message>
        <source>cannot switch the store to WAL mode (got &quot;%1&quot;)</source>
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
    <message>
        <source>cannot open the store file %1: %2</source>
        <translation>无法打开存储文件 %1：%2</translation>
    </message>
    <message>
        <source>the store path %1 is not a regular file</source>
        <translation>存储路径 %1 不是普通文件</translation>
    </message>
    <message>
        <source>cannot make the store file %1 private (chmod 0600): %2</source>
        <translation>无法将存储文件 %1 设为私有（chmod 0600）：%2</translation>
    </message>
    <message>
        <source>no store file at %1 (the kiosk creates it on first start)</source>
        <translation>%1 处没有存储文件（自助机首次启动时会创建）</translation>
    </message>
    <message>
        <source>the file %1 is empty (0 bytes): it is not a medkiosk store. It was left untouched.</source>
        <translation>文件 %1 为空（0 字节）：不是 medkiosk 存储。未对其做任何改动。</translation>
    </message>
    <message>
        <source>the file %1 is a database without medkiosk&apos;s schema: not a medkiosk store (or one never opened by the kiosk). It was left untouched.</source>
        <translation>文件 %1 是一个没有 medkiosk 结构的数据库：不是 medkiosk 存储（或从未被自助机打开过）。未对其做任何改动。</translation>
    </message>
    <message>
        <source>the store %1 has schema version %2 and this program %3; this tool does not migrate a store (the kiosk of the matching version does). Nothing was changed.</source>
        <translation>存储 %1 的结构版本为 %2，本程序为 %3；此工具不会迁移存储（由对应版本的自助机迁移）。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>mk::store::StoreRecovery</name>
    <message>
        <source>no store file</source>
        <translation>没有存储文件</translation>
    </message>
    <message>
        <source>not readable with this key (wrong key, not a store, or damaged)</source>
        <translation>无法用此密钥读取（密钥错误、不是存储文件或已损坏）</translation>
    </message>
    <message>
        <source>damaged: the quick check found problems</source>
        <translation>已损坏：快速检查发现问题</translation>
    </message>
    <message>
        <source>readable</source>
        <translation>可读</translation>
    </message>
    <message>
        <source>cannot move the store %1 aside to %2</source>
        <translation>无法将存储 %1 移到 %2</translation>
    </message>
    <message>
        <source>cannot move %1 aside to %2</source>
        <translation>无法将 %1 移到 %2</translation>
    </message>
</context>
<context>
    <name>mk::store::StoreRekey</name>
    <message>
        <source>the store %1 is open in another process (pid %2; the kiosk keeps it open while it runs). Stop the kiosk first (systemctl stop medkiosk) and run this again. Nothing was changed.</source>
        <translation>本地存储 %1 正被另一个进程打开（进程号 %2；自助机运行时会一直打开它）。请先停止自助机（systemctl stop medkiosk），然后重新运行。未做任何更改。</translation>
    </message>
    <message>
        <source>The store still opens with the old key; nothing was lost.</source>
        <translation>本地存储仍可用旧密钥打开，没有丢失任何数据。</translation>
    </message>
    <message>
        <source>the store key is the systemd credential %1, which this program cannot replace. Run &quot;medkiosk-ctl store rekey&quot; as root: it makes the new credential beside the old one with
  %2
and gives it to this program with --new-key-file. Nothing was changed.</source>
        <translation>存储密钥是 systemd 凭据 %1，本程序无法替换它。请以 root 身份运行“medkiosk-ctl store rekey”：它会用以下命令在旧凭据旁生成新凭据
  %2
并通过 --new-key-file 交给本程序。未做任何更改。</translation>
    </message>
    <message>
        <source>the new key file %1 does not exist. Nothing was changed.</source>
        <translation>新密钥文件 %1 不存在。未做任何更改。</translation>
    </message>
    <message>
        <source>the new key in %1 is the key in use. Nothing was changed.</source>
        <translation>%1 中的新密钥就是当前使用的密钥。未做任何更改。</translation>
    </message>
    <message>
        <source>removed the unused new key file %1</source>
        <translation>已删除未使用的新密钥文件 %1</translation>
    </message>
    <message>
        <source>could not remove the unused new key file %1 (%2): delete it</source>
        <translation>无法删除未使用的新密钥文件 %1（%2）：请手动删除</translation>
    </message>
    <message>
        <source>the store already opens only with the new key in %1 (an earlier rotation was interrupted): nothing to re-encrypt</source>
        <translation>本地存储已只能用 %1 中的新密钥打开（上次轮换被中断）：无需重新加密</translation>
    </message>
    <message>
        <source>cannot open the store %1 with its key (%2). Nothing was changed.</source>
        <translation>无法用其密钥打开本地存储 %1（%2）。未做任何更改。</translation>
    </message>
    <message>
        <source>found the new key file %1 of an interrupted rotation: it is used</source>
        <translation>发现被中断的轮换留下的新密钥文件 %1：将使用它</translation>
    </message>
    <message>
        <source>the store %1 is not in WAL mode (the kiosk switches it at its first start): start the kiosk once, stop it, and run this again. Nothing was changed.</source>
        <translation>本地存储 %1 不是 WAL 模式（自助机首次启动时会切换）：请启动一次自助机，停止后重新运行。未做任何更改。</translation>
    </message>
    <message>
        <source>the store %1 fails its integrity check (%2): a damaged store is not re-encrypted. Nothing was changed.</source>
        <translation>本地存储 %1 未通过完整性检查（%2）：损坏的存储不会被重新加密。未做任何更改。</translation>
    </message>
    <message>
        <source>opened the store %1 alone with the old key (%2): schema %3, integrity ok, %4 rows in %5 tables</source>
        <translation>已用旧密钥（%2）独占打开本地存储 %1：架构版本 %3，完整性正常，%5 张表共 %4 行</translation>
    </message>
    <message>
        <source>cannot write the new key file: %1. %2</source>
        <translation>无法写入新密钥文件：%1。%2</translation>
    </message>
    <message>
        <source>wrote a new random 256-bit key to %1 (mode 0600, flushed to the disk)</source>
        <translation>已将新的 256 位随机密钥写入 %1（权限 0600，已写入磁盘）</translation>
    </message>
    <message>
        <source>re-encrypting failed (%1). %2</source>
        <translation>重新加密失败（%1）。%2</translation>
    </message>
    <message>
        <source>re-encrypting failed (%1) and the store opens with neither key now. Both keys are kept: the old one (%2) and the new one in %3. Do not delete anything; run &quot;medkioskctl store check&quot; with each and call support.</source>
        <translation>重新加密失败（%1），且现在两个密钥都无法打开本地存储。两个密钥均已保留：旧密钥（%2）和 %3 中的新密钥。请勿删除任何文件；分别用两个密钥运行“medkioskctl store check”并联系技术支持。</translation>
    </message>
    <message>
        <source>re-encrypted the store with the new key (PRAGMA rekey, %1 ms)</source>
        <translation>已用新密钥重新加密本地存储（PRAGMA rekey，%1 毫秒）</translation>
    </message>
    <message>
        <source>re-encrypting did not complete: the check with the new key failed (%1). %2</source>
        <translation>重新加密未完成：用新密钥检查失败（%1）。%2</translation>
    </message>
    <message>
        <source>row counts differ</source>
        <translation>行数不一致</translation>
    </message>
    <message>
        <source>the check with the new key failed (%1) and the old key does not open the store. Both keys are kept: the old one (%2) and the new one in %3. Do not delete anything; call support.</source>
        <translation>用新密钥检查失败（%1），且旧密钥也无法打开本地存储。两个密钥均已保留：旧密钥（%2）和 %3 中的新密钥。请勿删除任何文件；请联系技术支持。</translation>
    </message>
    <message>
        <source>the old key still opens the store after re-encrypting. Both keys are kept; call support.</source>
        <translation>重新加密后旧密钥仍能打开本地存储。两个密钥均已保留；请联系技术支持。</translation>
    </message>
    <message>
        <source>reopened it with the new key: integrity ok, the same %1 rows in %2 tables; the old key no longer opens it</source>
        <translation>已用新密钥重新打开：完整性正常，%2 张表共 %1 行，与之前相同；旧密钥已无法打开</translation>
    </message>
    <message>
        <source>the store is re-encrypted and opens only with the new key, in %1, but it could not replace %2 (%3). Do it now: mv %1 %2</source>
        <translation>本地存储已重新加密，只能用 %1 中的新密钥打开，但无法替换 %2（%3）。请立即执行：mv %1 %2</translation>
    </message>
    <message>
        <source>replaced the key file %1 with the new key (the old key is gone)</source>
        <translation>已用新密钥替换密钥文件 %1（旧密钥已不存在）</translation>
    </message>
    <message>
        <source>cannot read %1 (%2)</source>
        <translation>无法读取 %1（%2）</translation>
    </message>
    <message>
        <source>%1 does not name a new key</source>
        <translation>%1 未注明新密钥</translation>
    </message>
    <message>
        <source>the store key rotation is complete but its marker %1 cannot be removed (%2): remove it, then start again. Nothing was changed.</source>
        <translation>存储密钥轮换已完成，但无法删除其标记文件 %1（%2）：请删除它，然后重新启动。未做任何更改。</translation>
    </message>
    <message>
        <source>medkiosk-ctl store rekey (as root)</source>
        <translation>medkiosk-ctl store rekey（以 root 身份）</translation>
    </message>
    <message>
        <source>medkioskctl store rekey (as the kiosk&apos;s user)</source>
        <translation>medkioskctl store rekey（以自助机的用户身份）</translation>
    </message>
    <message>
        <source>a store key rotation was interrupted (%1 exists%2) and the store may need the new key. Nothing was changed: the store %3 was not opened, moved or replaced. To finish the rotation run %4, then start the kiosk again.</source>
        <translation>存储密钥轮换被中断（%1 存在%2），存储可能需要新密钥。未做任何更改：存储 %3 未被打开、移动或替换。要完成轮换，请运行 %4，然后再次启动自助机。</translation>
    </message>
    <message>
        <source>; the key in use is not its new key</source>
        <translation>；当前使用的密钥不是其新密钥</translation>
    </message>
    <message>
        <source>an earlier rotation had completed; its marker %1 was removed</source>
        <translation>之前的一次轮换已经完成；已删除其标记文件 %1</translation>
    </message>
    <message>
        <source>a key rotation was interrupted (%1) with a new key that is neither the key in use nor the one in %2. Do not delete anything; put back the new key file of that rotation and run this again, or call support. Nothing was changed.</source>
        <translation>一次密钥轮换被中断（%1），其新密钥既不是当前使用的密钥，也不是 %2 中的密钥。请勿删除任何文件；请放回那次轮换的新密钥文件后重新运行，或联系技术支持。未做任何更改。</translation>
    </message>
    <message>
        <source>removed the rotation marker %1</source>
        <translation>已删除轮换标记文件 %1</translation>
    </message>
    <message>
        <source>could not remove the rotation marker %1 (%2): delete it</source>
        <translation>无法删除轮换标记文件 %1（%2）：请删除它</translation>
    </message>
    <message>
        <source>cannot write the rotation marker: %1. %2</source>
        <translation>无法写入轮换标记文件：%1。%2</translation>
    </message>
    <message>
        <source>wrote the rotation marker %1 (names the new key by its SHA-256)</source>
        <translation>已写入轮换标记文件 %1（以 SHA-256 标识新密钥）</translation>
    </message>
    <message>
        <source>the store&apos;s key is now the one in %1: replace the old key with it now (until then the kiosk refuses to start; the first start with the new key removes the marker %2)</source>
        <translation>存储的密钥现在是 %1 中的密钥：请立即用它替换旧密钥（在此之前自助机拒绝启动；使用新密钥的首次启动会删除标记文件 %2）</translation>
    </message>
</context>
<context>
    <name>mk::ui::ArrivalListPage</name>
    <message>
        <source>Choose the appointment to check in</source>
        <translation>请选择要签到的预约</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached right now: these are the appointments known at this kiosk.</source>
        <translation>目前无法连接医院系统：以下是本机已知的预约。</translation>
    </message>
    <message>
        <source>%1 (already checked in)</source>
        <translation>%1（已签到）</translation>
    </message>
</context>
<context>
    <name>mk::ui::BusyIndicator</name>
    <message>
        <source>Please wait…</source>
        <translation>请稍候…</translation>
    </message>
</context>
<context>
    <name>mk::ui::CheckinScreen</name>
    <message>
        <source>Scan your appointment code</source>
        <translation>请扫描您的预约二维码</translation>
    </message>
    <message>
        <source>Hold the QR code of your appointment (on your phone or on paper) under the scanner window below the screen.</source>
        <translation>请将预约二维码（手机上或纸质）放在屏幕下方的扫描窗口下。</translation>
    </message>
    <message>
        <source>Your visit number</source>
        <translation>您的就诊序号</translation>
    </message>
    <message>
        <source>PROVISIONAL: the hospital system is offline; the nurse will confirm your number.</source>
        <translation>临时号码：医院系统离线；护士会为您确认号码。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Scan another code</source>
        <translation>扫描另一个二维码</translation>
    </message>
    <message>
        <source>Check-in is not available at this kiosk. Please ask staff.</source>
        <translation>本自助机不提供报到服务。请咨询工作人员。</translation>
    </message>
    <message>
        <source>Checking your code...</source>
        <translation>正在核对您的二维码…</translation>
    </message>
    <message>
        <source>Appointment %1</source>
        <translation>预约 %1</translation>
    </message>
    <message>
        <source>Please take a photo of this number; the printer is not available.</source>
        <translation>请拍下此号码；打印机暂不可用。</translation>
    </message>
    <message>
        <source>Visit ticket</source>
        <translation>就诊凭条</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>请等候叫号。</translation>
    </message>
    <message>
        <source>PROVISIONAL</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>The hospital system confirmed your visit number: %1.</source>
        <translation>医院系统已确认您的就诊序号：%1。</translation>
    </message>
    <message>
        <source>Hold the QR code of your appointment (on your phone or on paper) inside the frame in front of the camera.</source>
        <translation>请将预约二维码（手机或纸质）对准摄像头，放在画面的框内。</translation>
    </message>
    <message>
        <source>No code? Insert your patient card into the card reader.</source>
        <translation>没有预约码？请将就诊卡插入读卡器。</translation>
    </message>
    <message>
        <source>No code or card? Sign in with your face</source>
        <translation>没有预约码或卡？刷脸登录</translation>
    </message>
    <message>
        <source>Reading your appointments...</source>
        <translation>正在读取您的预约……</translation>
    </message>
</context>
<context>
    <name>mk::ui::ChildChoiceScreen</name>
    <message>
        <source>%1 years old</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Myself: %1 (%2)</source>
        <translation>本人：%1（%2）</translation>
    </message>
    <message>
        <source>My child: %1 (%2)</source>
        <translation>我的孩子：%1（%2）</translation>
    </message>
    <message>
        <source>Who is the appointment for?</source>
        <translation>为谁预约？</translation>
    </message>
    <message>
        <source>Tap the person who will see the doctor.</source>
        <translation>请点击要就诊的人。</translation>
    </message>
    <message>
        <source>Whose bills do you want to pay?</source>
        <translation>为谁缴费？</translation>
    </message>
    <message>
        <source>Tap the person whose bills you want to see.</source>
        <translation>请点击要查看账单的人。</translation>
    </message>
</context>
<context>
    <name>mk::ui::ConfirmScreen</name>
    <message>
        <source>Please check your booking</source>
        <translation>请核对您的预约</translation>
    </message>
    <message>
        <source>Booking… please wait.</source>
        <translation>正在预约…请稍候。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Confirm booking</source>
        <translation>确认预约</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>患者：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>科室：%1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>医生：%1</translation>
    </message>
    <message>
        <source>Time: %1–%2</source>
        <translation>时间：%1–%2</translation>
    </message>
    <message>
        <source>This time was just taken by someone else. Please go back and choose another time.</source>
        <translation>该时段刚刚被他人预约。请返回并选择其他时段。</translation>
    </message>
    <message>
        <source>This time was just taken by someone else.</source>
        <translation>该时段刚刚被他人预约。</translation>
    </message>
    <message>
        <source>These times are still free:</source>
        <translation>以下时段仍可预约：</translation>
    </message>
    <message>
        <source>Booking needs a connection to the hospital system. Please try again in a moment, or book at the service desk.</source>
        <translation>预约需要连接医院系统。请稍后再试，或到服务台预约。</translation>
    </message>
</context>
<context>
    <name>mk::ui::CreditOpenScreen</name>
    <message>
        <source>Credit care cannot be opened at this kiosk.</source>
        <translation>本机无法开通信用就医。</translation>
    </message>
    <message>
        <source>Opening credit care needs the hospital system, which cannot be reached now. Please try again later.</source>
        <translation>开通信用就医需要连接医院系统，目前无法连接。请稍后再试。</translation>
    </message>
    <message>
        <source>The agreement could not be read now. %1</source>
        <translation>暂时无法读取协议。%1</translation>
    </message>
    <message>
        <source>Open credit care</source>
        <translation>开通信用就医</translation>
    </message>
    <message>
        <source>Reading the agreement...</source>
        <translation>正在读取协议……</translation>
    </message>
    <message>
        <source>I have read it</source>
        <translation>我已阅读</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不开通</translation>
    </message>
    <message>
        <source>Do you agree to open credit care under this agreement?

The hospital&apos;s credit service checks your credit and decides on your credit line. Bills you pay on credit are repaid later in the hospital&apos;s app. This is optional: you can always pay by phone or at the cashier window.</source>
        <translation>您是否同意按本协议开通信用就医？

医院的信用服务将评估您的信用并决定您的信用额度。用信用支付的费用，之后在医院App中还款。开通与否由您自愿：您始终可以扫码支付或到收费窗口缴费。</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>我同意</translation>
    </message>
    <message>
        <source>I do not agree</source>
        <translation>我不同意</translation>
    </message>
    <message>
        <source>Confirm with the last 4 digits of your phone number.</source>
        <translation>请输入您手机号码的后4位进行确认。</translation>
    </message>
    <message>
        <source>First, a quick face check.</source>
        <translation>首先，进行一次刷脸核验。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Asking the credit service. Please wait...</source>
        <translation>正在向信用服务提交申请，请稍候……</translation>
    </message>
    <message>
        <source>Back to my bills</source>
        <translation>返回我的账单</translation>
    </message>
    <message>
        <source>Credit care is open. Your credit line is %1. You can pay your bills on credit now.</source>
        <translation>信用就医已开通，您的信用额度为%1。现在即可用信用支付账单。</translation>
    </message>
    <message>
        <source>The credit service did not open credit care. Reason: %1
You can still pay by phone or at the cashier window.</source>
        <translation>信用服务未同意开通信用就医。原因：%1
您仍可扫码支付或到收费窗口缴费。</translation>
    </message>
    <message>
        <source>The credit service could not confirm your identity. Nothing was opened. Please try again, or ask at the service desk.</source>
        <translation>信用服务无法确认您的身份，未开通。请重试，或到服务台咨询。</translation>
    </message>
    <message>
        <source>Opening credit care needs the hospital system, which cannot be reached now. Nothing was opened. Please try again later.</source>
        <translation>开通信用就医需要连接医院系统，目前无法连接，未开通。请稍后再试。</translation>
    </message>
    <message>
        <source>Credit care could not be opened now. %1</source>
        <translation>暂时无法开通信用就医。%1</translation>
    </message>
</context>
<context>
    <name>mk::ui::DayScreen</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>任意医生</translation>
    </message>
</context>
<context>
    <name>mk::ui::DepartmentScreen</name>
    <message>
        <source>Choose a department</source>
        <translation>选择科室</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Shown from the last connection (%1); it may not be current.</source>
        <translation>以下为上次连接时的信息（%1），可能不是最新。</translation>
    </message>
</context>
<context>
    <name>mk::ui::DoctorScreen</name>
    <message>
        <source>Choose a doctor</source>
        <translation>选择医生</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Shown from the last connection (%1); it may not be current.</source>
        <translation>以下为上次连接时的信息（%1），可能不是最新。</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>任意医生</translation>
    </message>
    <message>
        <source>The first free time</source>
        <translation>最早的空闲时段</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceChallenge</name>
    <message>
        <source>Step 1 of 2: a short head movement</source>
        <translation>第 1 步（共 2 步）：做一个简短的头部动作</translation>
    </message>
    <message>
        <source>Keep looking straight at the camera, it takes a moment.</source>
        <translation>请继续正视摄像头，需要一点时间。</translation>
    </message>
    <message>
        <source>Keep going, slowly. %1</source>
        <extracomment>%1: the movement&apos;s instruction, e.g. &quot;Please turn your head slowly to your left, ...&quot;</extracomment>
        <translation>请继续，慢一点。%1</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceConsentScreen</name>
    <message>
        <source>Use your face to sign in next time?</source>
        <translation>下次使用刷脸登录吗？</translation>
    </message>
    <message numerus="yes">
        <source>Purpose: to identify you at this kiosk, then you confirm with the last 4 digits of your phone number.
What is stored: a face template (128 numbers), never a photo.
Kept for %n day(s), then deleted automatically.
You can withdraw at any time: press &quot;Delete my face data&quot; on this screen, or ask the staff at the service desk.
This is optional: scanning a code or a card always works.</source>
        <translation>
            <numerusform>用途：在本自助机上识别您，然后由您用手机号码后 4 位确认。
保存的内容：人脸模板（128 个数字），从不保存照片。
保留 %n 天，之后自动删除。
您可随时撤回：在本界面按“删除我的人脸数据”，或到服务台请工作人员处理。
此项为自愿：扫码或刷卡始终可用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Face sign-in is not offered for this patient. You can always use a code or a card.</source>
        <translation>不为该患者提供刷脸登录。您随时可以使用二维码或卡片。</translation>
    </message>
    <message>
        <source>I am the guardian and agree</source>
        <translation>我是监护人，我同意</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Delete my face data</source>
        <translation>删除我的人脸数据</translation>
    </message>
    <message>
        <source>Your face data could not be deleted now. Please ask staff.</source>
        <translation>暂时无法删除您的人脸数据。请咨询工作人员。</translation>
    </message>
    <message>
        <source>Your face data has been deleted.</source>
        <translation>您的人脸数据已删除。</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceEnrollScreen</name>
    <message>
        <source>Face sign-in is not available now.</source>
        <translation>刷脸登录暂不可用。</translation>
    </message>
    <message>
        <source>The camera picture could not be used.</source>
        <translation>无法使用摄像头画面。</translation>
    </message>
    <message>
        <source>We could not see the head movement. Please try again.</source>
        <translation>未能识别到头部动作。请重试。</translation>
    </message>
    <message>
        <source>The pictures did not agree. Please try again.</source>
        <translation>几张画面不一致。请重试。</translation>
    </message>
    <message>
        <source>Your face could not be saved now. Please ask staff.</source>
        <translation>暂时无法保存您的人脸。请咨询工作人员。</translation>
    </message>
    <message>
        <source>Your face data has been deleted.</source>
        <translation>您的人脸数据已删除。</translation>
    </message>
    <message>
        <source>Your face data could not be deleted now. Please ask staff.</source>
        <translation>暂时无法删除您的人脸数据。请咨询工作人员。</translation>
    </message>
    <message>
        <source>Look at the camera</source>
        <translation>请看向摄像头</translation>
    </message>
    <message>
        <source>Scan a code or insert a card instead</source>
        <translation>改为扫码或插卡</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Delete my face data</source>
        <translation>删除我的人脸数据</translation>
    </message>
    <message>
        <source>Look straight at the camera and hold still.</source>
        <translation>请正视摄像头并保持不动。</translation>
    </message>
    <message>
        <source>Step 2 of 2: picture %1 of %2</source>
        <translation>第 2 步，共 2 步：第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>Done. Next time you can sign in with your face.</source>
        <translation>完成。下次您可以刷脸登录。</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceIdentifyScreen</name>
    <message>
        <source>Sign in with your face</source>
        <translation>刷脸登录</translation>
    </message>
    <message>
        <source>Scan a code or insert a card instead</source>
        <translation>改为扫码或插卡</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Those digits do not match. Please try again.</source>
        <translation>数字不匹配。请重试。</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number.</source>
        <translation>请输入您手机号码的后 4 位。</translation>
    </message>
    <message>
        <source>Thank you, you are signed in.</source>
        <translation>谢谢，您已登录。</translation>
    </message>
    <message>
        <source>We did not recognise you. Try again, or use a code or a card.</source>
        <translation>未能识别您。请重试，或使用二维码或卡片。</translation>
    </message>
    <message>
        <source>Face sign-in is paused for a few minutes. Please use a code or a card.</source>
        <translation>刷脸登录暂停几分钟。请使用二维码或卡片。</translation>
    </message>
    <message>
        <source>Face sign-in is not available now. Please use a code or a card.</source>
        <translation>刷脸登录暂不可用。请使用二维码或卡片。</translation>
    </message>
    <message>
        <source>Look straight at the camera and hold still.</source>
        <translation>请正视摄像头，保持不动。</translation>
    </message>
    <message>
        <source>Step 2 of 2: finding you</source>
        <translation>第 2 步（共 2 步）：正在识别您的身份</translation>
    </message>
    <message>
        <source>We could not see the head movement. Please try again, or use a code or a card.</source>
        <translation>没有看到您的头部动作。请再试一次，或改用扫码或刷卡。</translation>
    </message>
</context>
<context>
    <name>mk::ui::HomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Book a visit with a doctor here, for yourself or your child.</source>
        <translation>在这里为您本人或您的孩子预约医生。</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>预约挂号</translation>
    </message>
    <message>
        <source>You need your patient number or phone number and your date of birth, or your patient card.</source>
        <translation>您需要提供就诊卡号或手机号码以及出生日期，或者出示就诊卡。</translation>
    </message>
    <message>
        <source>Check in for my appointment</source>
        <translation>预约报到</translation>
    </message>
    <message>
        <source>Sign in with your face</source>
        <translation>刷脸登录</translation>
    </message>
    <message>
        <source>Pay my bills</source>
        <translation>缴费</translation>
    </message>
</context>
<context>
    <name>mk::ui::IdentifyScreen</name>
    <message>
        <source>Who is booking?</source>
        <translation>谁在预约？</translation>
    </message>
    <message>
        <source>Scan your patient card, or type your number and date of birth below.</source>
        <translation>请扫描您的就诊卡，或在下方输入号码和出生日期。</translation>
    </message>
    <message>
        <source>Patient number or mobile phone number</source>
        <translation>就诊卡号或手机号码</translation>
    </message>
    <message>
        <source>P and 8 digits, or 11 digits</source>
        <translation>P 加 8 位数字，或 11 位手机号</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>8 digits: year, month, day. Example: 19700105 for 5 January 1970</source>
        <translation>8 位数字：年、月、日。例如 1970 年 1 月 5 日输入 19700105</translation>
    </message>
    <message>
        <source>YYYYMMDD</source>
        <translation>年年年年月月日日</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Several patients have these details. Please choose yourself:</source>
        <translation>有多位患者符合这些信息。请选择您本人：</translation>
    </message>
    <message>
        <source>I am not listed - try again</source>
        <translation>没有我 - 重新输入</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Please type your patient number or mobile phone number.</source>
        <translation>请输入您的就诊卡号或手机号码。</translation>
    </message>
    <message>
        <source>Please check the number: a patient number looks like P00001234, a mobile phone number has 11 digits.</source>
        <translation>请检查号码：就诊卡号形如 P00001234，手机号码为 11 位数字。</translation>
    </message>
    <message>
        <source>Please type your date of birth as 8 digits: year, month, day (for example 19700105).</source>
        <translation>请以 8 位数字输入出生日期：年、月、日（例如 19700105）。</translation>
    </message>
    <message>
        <source>This date of birth is not possible. Please check it.</source>
        <translation>该出生日期不存在。请检查。</translation>
    </message>
    <message>
        <source>This code is not a patient card. Please scan your card.</source>
        <translation>这不是就诊卡二维码。请扫描您的就诊卡。</translation>
    </message>
    <message>
        <source>No patient was found with these details. Please check the number and the date of birth and try again, or ask at the information desk.</source>
        <translation>未找到符合这些信息的患者。请检查号码和出生日期后重试，或到咨询台询问。</translation>
    </message>
    <message>
        <source>Whose bills do you want to pay?</source>
        <translation>为谁缴费？</translation>
    </message>
</context>
<context>
    <name>mk::ui::IdleWarning</name>
    <message>
        <source>Need more time?</source>
        <translation>需要更多时间吗？</translation>
    </message>
    <message>
        <source>Tap anywhere to continue. When the time runs out, what you entered is cleared.</source>
        <translation>点击屏幕任意处继续。时间到后，您输入的信息将被清除。</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation>是的，我需要更多时间</translation>
    </message>
    <message numerus="yes">
        <source>Back to the start screen in %n second(s)</source>
        <translation>
            <numerusform>%n 秒后回到首页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mk::ui::Keypad</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>删除最后一个字符</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>mk::ui::KioskWindow</name>
    <message>
        <source>Change language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 条待发</numerusform>
        </translation>
    </message>
    <message>
        <source>Your face was recognised, but the hospital system does not have your patient record. Please sign in here with your patient card or number, or ask the staff at the service desk.</source>
        <translation>已识别您的人脸，但医院系统中没有您的就诊档案。请在此用就诊卡或就诊号登录，或到服务台咨询工作人员。</translation>
    </message>
    <message>
        <source>Your face was recognised, but your patient record could not be opened now. %1 You can sign in here with your patient card or number instead.</source>
        <translation>已识别您的人脸，但暂时无法打开您的就诊档案。%1 您也可以在此用就诊卡或就诊号登录。</translation>
    </message>
    <message>
        <source>Elder mode</source>
        <translation>长辈模式</translation>
    </message>
    <message>
        <source>Elder mode: larger text, read aloud</source>
        <translation>长辈模式：大字，朗读</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Read this screen aloud</source>
        <translation>朗读本页内容</translation>
    </message>
</context>
<context>
    <name>mk::ui::MaintenanceScreen</name>
    <message>
        <source>Done by hand at the desk</source>
        <translation>已在窗口人工办理</translation>
    </message>
    <message>
        <source>Patient cancelled the visit</source>
        <translation>患者已取消就诊</translation>
    </message>
    <message>
        <source>Duplicate of another record</source>
        <translation>与另一条记录重复</translation>
    </message>
    <message>
        <source>Appointment no longer exists</source>
        <translation>预约已不存在</translation>
    </message>
    <message>
        <source>Test record</source>
        <translation>测试记录</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>无法读取队列：%1</translation>
    </message>
    <message>
        <source>#%1 %2 — %3 attempt(s), since %4
%5</source>
        <translation>#%1 %2 — 已尝试 %3 次，自 %4 起
%5</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Why is record #%1 given up? It will not be sent to the hospital system.</source>
        <translation>为什么放弃记录 #%1？它将不会发送到医院系统。</translation>
    </message>
    <message>
        <source>The action failed: %1</source>
        <translation>操作失败：%1</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>报告未写入：%1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Staff maintenance — outbox of commands for the hospital system</source>
        <translation>工作人员维护——发往医院系统的命令队列</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Hospital system: not contacted yet</source>
        <translation>医院系统：尚未联系</translation>
    </message>
    <message>
        <source>Hospital system: online</source>
        <translation>医院系统：在线</translation>
    </message>
    <message>
        <source>Hospital system: offline since %1</source>
        <translation>医院系统：自 %1 起离线</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>等待发送：%1</translation>
    </message>
    <message>
        <source>Oldest waiting: %1</source>
        <translation>最早等待：%1</translation>
    </message>
    <message>
        <source>Oldest waiting: none</source>
        <translation>最早等待：无</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>最近一次成功同步：%1</translation>
    </message>
    <message>
        <source>Last successful sync: never</source>
        <translation>最近一次成功同步：从未</translation>
    </message>
    <message>
        <source>Dead letters (need staff): %1</source>
        <translation>失败记录（需工作人员处理）：%1</translation>
    </message>
    <message>
        <source>Hospital system access: this kiosk (%1) is accepted</source>
        <translation>医院系统访问：本自助机（%1）已获接受</translation>
    </message>
    <message>
        <source>Hospital system access: not checked yet</source>
        <translation>医院系统访问：尚未检查</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>缴费</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayBillsScreen</name>
    <message>
        <source>Paying is not available at this kiosk. Please pay at the cashier window.</source>
        <translation>本机暂不能缴费，请到收费窗口缴费。</translation>
    </message>
    <message>
        <source>Your bills could not be read now. %1</source>
        <translation>暂时无法读取您的账单。%1</translation>
    </message>
    <message>
        <source>Bill %1 · %2</source>
        <translation>账单 %1 · %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Insurance pays</source>
        <translation>医保支付</translation>
    </message>
    <message>
        <source>You pay</source>
        <translation>个人自付</translation>
    </message>
    <message>
        <source>This bill: you pay %1</source>
        <translation>本账单个人自付：%1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>就诊人：%1</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached: these are the bills last seen at this kiosk.</source>
        <translation>目前无法连接医院系统：以下是本机最近一次看到的账单。</translation>
    </message>
    <message numerus="yes">
        <source>%n bill(s) could not be checked and cannot be paid here. Please ask at the cashier window.</source>
        <translation>
            <numerusform>有%n张账单无法核对，不能在本机缴费。请到收费窗口咨询。</numerusform>
        </translation>
    </message>
    <message>
        <source>You owe %1 on credit. Scan this code with your phone to repay it in the hospital&apos;s app.</source>
        <translation>您的信用欠款为%1。请用手机扫描此码，在医院App中还款。</translation>
    </message>
    <message>
        <source>You have no unpaid bills. Nothing to pay today.</source>
        <translation>您没有待缴费的账单，今天无需缴费。</translation>
    </message>
    <message>
        <source>Total to pay: %1</source>
        <translation>应付合计：%1</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>缴费 %1</translation>
    </message>
    <message>
        <source>Your unpaid bills</source>
        <translation>待缴费账单</translation>
    </message>
    <message>
        <source>Print a copy of today&apos;s receipts</source>
        <translation>补打今日票据</translation>
    </message>
    <message>
        <source>Open credit care</source>
        <translation>开通信用就医</translation>
    </message>
    <message>
        <source>Today&apos;s receipts could not be read now. %1</source>
        <translation>暂时无法读取今日票据。%1</translation>
    </message>
    <message>
        <source>There are no receipts from today to print.</source>
        <translation>今天没有可打印的票据。</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayIdentifyScreen</name>
    <message>
        <source>Pay your bills</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>First, tell us who you are. Choose one way:</source>
        <translation>请先确认您的身份，任选一种方式：</translation>
    </message>
    <message>
        <source>Use my face</source>
        <translation>刷脸识别</translation>
    </message>
    <message>
        <source>Scan my patient card</source>
        <translation>扫描就诊卡</translation>
    </message>
    <message>
        <source>Type my patient number or phone number</source>
        <translation>输入就诊号或手机号</translation>
    </message>
    <message>
        <source>You can also hold your patient card&apos;s QR code under the scanner now. Parents: identify yourself, then choose your child.</source>
        <translation>您也可以现在把就诊卡二维码放到扫码器下。家长请先确认自己的身份，再选择孩子。</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayReceiptScreen</name>
    <message>
        <source>PROVISIONAL: the hospital system is offline. Your payment is recorded; the e-receipt follows. Kiosk receipt number: %1</source>
        <translation>临时票据：医院系统暂时离线。您的缴费已记录，电子票据随后开具。本机票据号：%1</translation>
    </message>
    <message>
        <source>Invoice code: %1</source>
        <translation>票据代码：%1</translation>
    </message>
    <message>
        <source>Invoice number: %1</source>
        <translation>票据号码：%1</translation>
    </message>
    <message>
        <source>Check code: %1</source>
        <translation>校验码：%1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>开票日期：%1</translation>
    </message>
    <message>
        <source>Payer: %1</source>
        <translation>交款人：%1</translation>
    </message>
    <message>
        <source>Scan to view</source>
        <translation>扫码查看</translation>
    </message>
    <message>
        <source>Your payment is complete. The receipt could not be printed (the printer is not available): please take a photo of this screen or scan the QR code, or tap &quot;Print again&quot; later.</source>
        <translation>缴费已完成。票据未能打印（打印机不可用）：请拍下本屏幕或扫描二维码，或稍后点击“重新打印”。</translation>
    </message>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>今日票据</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>缴费已记录</translation>
    </message>
    <message>
        <source>Payment complete</source>
        <translation>缴费成功</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayScreen</name>
    <message numerus="yes">
        <source>To pay: %1 (%n bill(s))</source>
        <translation>
            <numerusform>应付：%1（%n张账单）</numerusform>
        </translation>
    </message>
    <message>
        <source>Available on your credit line: %1</source>
        <translation>信用可用额度：%1</translation>
    </message>
    <message>
        <source>%1 is more than the %2 available on your credit line. Please pay by phone.</source>
        <translation>%1超过了您信用可用额度%2。请扫码支付。</translation>
    </message>
    <message>
        <source>Without a face check, credit can pay at most %1 at a time. Nothing was charged. Please pay by phone, or sign up for face sign-in at the service desk.</source>
        <translation>未经刷脸核验，信用支付每笔最多%1。本次未扣款。请扫码支付，或到服务台开通刷脸。</translation>
    </message>
    <message numerus="yes">
        <source>%n other bill(s) were paid: tap &quot;Show my receipts&quot;.</source>
        <translation>
            <numerusform>另有%n张账单已缴费：请点击“查看我的票据”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paying by phone needs the hospital system, which cannot be reached now. Nothing was charged. Please try again later or pay at the cashier window.</source>
        <translation>扫码支付需要连接医院系统，目前无法连接。本次未扣款。请稍后再试或到收费窗口缴费。</translation>
    </message>
    <message>
        <source>The payment code could not be made. Nothing was charged. %1</source>
        <translation>无法生成付款码。本次未扣款。%1</translation>
    </message>
    <message>
        <source>The payment code has expired. Nothing was charged. Tap &quot;New code&quot; to try again.</source>
        <translation>付款码已过期，本次未扣款。请点击“重新生成”再试。</translation>
    </message>
    <message>
        <source>How do you want to pay?</source>
        <translation>请选择支付方式</translation>
    </message>
    <message>
        <source>Pay on credit</source>
        <translation>信用支付</translation>
    </message>
    <message>
        <source>Pay by phone</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Pay by phone instead</source>
        <translation>改用扫码支付</translation>
    </message>
    <message>
        <source>Paying on credit. Please wait; do not tap again.</source>
        <translation>正在信用支付，请稍候，请勿重复点击。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s payment app (bill %1 of %2).</source>
        <translation>请用手机支付App扫描此码（第%1张，共%2张）。</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s payment app.</source>
        <translation>请用手机支付App扫描此码。</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>剩余时间：%1:%2</translation>
    </message>
    <message>
        <source>Making your payment code...</source>
        <translation>正在生成付款码……</translation>
    </message>
    <message>
        <source>Back to my bills</source>
        <translation>返回我的账单</translation>
    </message>
    <message>
        <source>Show my receipts</source>
        <translation>查看我的票据</translation>
    </message>
    <message>
        <source>Show the new bill</source>
        <translation>查看新账单</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新核验</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Enter my phone&apos;s last 4 digits</source>
        <translation>输入手机号后4位</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayText</name>
    <message>
        <source>Registration</source>
        <translation>挂号费</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>检查费</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>化验费</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>药品费</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗费</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Paid by phone</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Paid on credit</source>
        <translation>信用支付</translation>
    </message>
    <message>
        <source>Credit line %1 · used %2 · available %3</source>
        <translation>信用额度%1 · 已用%2 · 可用%3</translation>
    </message>
    <message>
        <source>Your credit care is suspended. Please pay by phone, or ask at the cashier window why it is suspended.</source>
        <translation>您的信用就医已暂停。请扫码支付，或到收费窗口询问暂停原因。</translation>
    </message>
    <message>
        <source>Your credit care is closed. Please pay by phone.</source>
        <translation>您的信用就医已关闭。请扫码支付。</translation>
    </message>
    <message>
        <source>You do not have credit care yet. You can open it here, or pay by phone.</source>
        <translation>您尚未开通信用就医。可以在这里开通，或扫码支付。</translation>
    </message>
    <message>
        <source>Your credit line could not be read now. You can pay by phone.</source>
        <translation>暂时无法读取您的信用额度。您可以扫码支付。</translation>
    </message>
    <message>
        <source>This bill has changed since it was shown. Nothing was charged. Please look at the new amount and pay again.</source>
        <translation>账单在显示后发生了变化，本次未扣款。请查看新金额后重新缴费。</translation>
    </message>
    <message>
        <source>This amount is more than your credit line allows now. Nothing was charged. You can pay by phone instead.</source>
        <translation>该金额超过了您当前的信用额度，本次未扣款。您可以改用扫码支付。</translation>
    </message>
    <message>
        <source>Your credit care is suspended, so nothing was charged. Please pay by phone, or ask at the cashier window.</source>
        <translation>您的信用就医已暂停，本次未扣款。请扫码支付，或到收费窗口咨询。</translation>
    </message>
    <message>
        <source>You do not have credit care. Nothing was charged. You can open it on the bills screen, or pay by phone.</source>
        <translation>您尚未开通信用就医，本次未扣款。可以在账单页面开通，或扫码支付。</translation>
    </message>
    <message>
        <source>The hospital system could not confirm it was you. Nothing was charged. Please check your identity again.</source>
        <translation>医院系统无法确认是您本人，本次未扣款。请重新核验身份。</translation>
    </message>
    <message>
        <source>This bill has already been paid (at another kiosk or at the cashier window). Nothing was charged here.</source>
        <translation>该账单已缴费（在其他自助机或收费窗口），本机未扣款。</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached and this payment is over what the kiosk may accept offline. Nothing was charged. Please try again later or pay at the cashier window.</source>
        <translation>目前无法连接医院系统，且该笔金额超过了本机离线可受理的额度，本次未扣款。请稍后再试或到收费窗口缴费。</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached, and this payment cannot be taken offline. Nothing was charged. Please try again later or pay at the cashier window.</source>
        <translation>目前无法连接医院系统，该笔缴费不能离线受理，本次未扣款。请稍后再试或到收费窗口缴费。</translation>
    </message>
    <message>
        <source>The hospital system does not know this bill any more. Nothing was charged. Please ask at the cashier window.</source>
        <translation>医院系统中已找不到该账单，本次未扣款。请到收费窗口咨询。</translation>
    </message>
    <message>
        <source>The payment could not be completed. Nothing was reported paid. %1</source>
        <translation>缴费未能完成，未记为已缴费。%1</translation>
    </message>
    <message>
        <source>This bill was not paid. Please ask at the cashier window.</source>
        <translation>该账单未缴费。请到收费窗口咨询。</translation>
    </message>
</context>
<context>
    <name>mk::ui::ReceiptTicket</name>
    <message>
        <source>Medical e-receipt</source>
        <translation>医疗收费电子票据</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>PROVISIONAL: the e-receipt follows</source>
        <translation>临时票据：电子票据随后开具</translation>
    </message>
    <message>
        <source>Kiosk receipt number %1</source>
        <translation>本机票据号 %1</translation>
    </message>
    <message>
        <source>Invoice code: %1</source>
        <translation>票据代码：%1</translation>
    </message>
    <message>
        <source>Invoice number: %1</source>
        <translation>票据号码：%1</translation>
    </message>
    <message>
        <source>Check code: %1</source>
        <translation>校验码：%1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>开票日期：%1</translation>
    </message>
    <message>
        <source>Payer: %1</source>
        <translation>交款人：%1</translation>
    </message>
    <message>
        <source>Scan to view the e-receipt</source>
        <translation>扫码查看电子票据</translation>
    </message>
    <message>
        <source>Daily close %1</source>
        <translation>日结 %1</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>自助机 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n payment(s), %2</source>
        <translation>
            <numerusform>%1：%n笔，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message numerus="yes">
        <source>Total: %n payment(s), %1</source>
        <translation>
            <numerusform>合计：%n笔，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taken offline, not yet confirmed: %n, %1</source>
        <translation>
            <numerusform>离线受理、尚未确认：%n笔，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused after being taken offline (review): %n, %1</source>
        <translation>
            <numerusform>离线受理后被拒绝（待审核）：%n笔，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Daily close</source>
        <translation>日结</translation>
    </message>
</context>
<context>
    <name>mk::ui::ResultScreen</name>
    <message>
        <source>Booked</source>
        <translation>预约成功</translation>
    </message>
    <message>
        <source>Your appointment number</source>
        <translation>您的预约号</translation>
    </message>
    <message>
        <source>Show this code when you check in.</source>
        <translation>报到时请出示此二维码。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>患者：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>科室：%1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>医生：%1</translation>
    </message>
    <message>
        <source>Time: %1–%2</source>
        <translation>时间：%1–%2</translation>
    </message>
    <message>
        <source>Sign in with your face next time</source>
        <translation>下次刷脸登录</translation>
    </message>
</context>
<context>
    <name>mk::ui::SlotGridScreen</name>
    <message>
        <source>Choose a time</source>
        <translation>选择时段</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>任意医生</translation>
    </message>
    <message>
        <source>Not current — last updated %1. Booking needs a connection to the hospital system.</source>
        <translation>信息不是最新的——最后更新于 %1。预约需要连接医院系统。</translation>
    </message>
</context>
<context>
    <name>mk::ui::SlotGridWidget</name>
    <message>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>No times are left on this day. Please choose another day.</source>
        <translation>当天已无可预约时段。请选择其他日期。</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已满</translation>
    </message>
</context>
<context>
    <name>mk::ui::StaffPaymentsScreen</name>
    <message>
        <source>Payments are not installed at this kiosk.</source>
        <translation>本机未安装缴费功能。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n payment(s), %2</source>
        <translation>
            <numerusform>%1：%n笔，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>No payments at this kiosk today.</source>
        <translation>本机今天没有缴费记录。</translation>
    </message>
    <message>
        <source>Today&apos;s payments by method:</source>
        <translation>今日缴费（按支付方式）：</translation>
    </message>
    <message>
        <source>#%1 · bill %2 · %3 · taken %4 · %5</source>
        <translation>#%1 · 账单 %2 · %3 · 受理于 %4 · %5</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Payments refused after being taken offline (review):</source>
        <translation>离线受理后被拒绝的缴费（待审核）：</translation>
    </message>
    <message>
        <source>The daily close was printed.</source>
        <translation>日结报表已打印。</translation>
    </message>
    <message>
        <source>The daily close could not be printed: check the printer (paper, cover).</source>
        <translation>日结报表未能打印：请检查打印机（纸张、机盖）。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Payments at this kiosk</source>
        <translation>本机缴费</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Print daily close</source>
        <translation>打印日结</translation>
    </message>
    <message>
        <source>Export daily close</source>
        <translation>导出日结</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>A daily close file for this day already exists: %1. It was not overwritten; move it away to export again.</source>
        <translation>当天的日结文件已存在：%1。未覆盖；请先移走该文件再导出。</translation>
    </message>
</context>
<context>
    <name>mk::ui::StaffPinScreen</name>
    <message>
        <source>The PIN cannot be checked: %1</source>
        <translation>无法核对 PIN：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before the lock.</source>
        <translation>
            <numerusform>PIN 错误。再错 %n 次将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk, so maintenance mode cannot be opened. IT support sets one with the command &quot;medkioskctl staff set-pin&quot;.</source>
        <translation>本自助机未设置工作人员 PIN，无法进入维护模式。IT 支持人员可用命令“medkioskctl staff set-pin”设置。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked for %1:%2 more.</source>
        <translation>PIN 错误次数过多。还需锁定 %1:%2。</translation>
    </message>
    <message>
        <source>Staff maintenance</source>
        <translation>工作人员维护</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>请输入工作人员 PIN。</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>mk::ui::VerifyPanel</name>
    <message>
        <source>Step 1 of 2: checking that you are here in person</source>
        <translation>第1步，共2步：确认是本人在场</translation>
    </message>
    <message>
        <source>Look straight at the camera and hold still.</source>
        <translation>请正对摄像头，保持不动。</translation>
    </message>
    <message>
        <source>Step 2 of 2: checking that it is you</source>
        <translation>第2步，共2步：核验是否为本人</translation>
    </message>
    <message>
        <source>Those digits do not match. Please try again.</source>
        <translation>数字不匹配，请重试。</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number.</source>
        <translation>请输入您手机号码的后4位。</translation>
    </message>
    <message>
        <source>Thank you, that is you.</source>
        <translation>谢谢，已确认是您本人。</translation>
    </message>
    <message>
        <source>Your face did not match the registered patient. Nothing was charged. Try again, or pay by phone.</source>
        <translation>人脸与登记的患者不符，本次未扣款。请重试，或扫码支付。</translation>
    </message>
    <message>
        <source>We could not see the head movement. Nothing was charged. Please try again, or pay by phone.</source>
        <translation>未能识别到头部动作，本次未扣款。请重试，或扫码支付。</translation>
    </message>
    <message>
        <source>The digits did not match 3 times. Nothing was charged. Please pay by phone or at the cashier window.</source>
        <translation>数字3次不匹配，本次未扣款。请扫码支付或到收费窗口缴费。</translation>
    </message>
    <message>
        <source>Your identity cannot be checked at this kiosk now. Nothing was charged. Please pay by phone.</source>
        <translation>本机暂时无法核验您的身份，本次未扣款。请扫码支付。</translation>
    </message>
    <message>
        <source>Face checks are paused for a few minutes at this kiosk. Nothing was charged. Enter the last 4 digits of your phone number instead, or pay by phone.</source>
        <translation>本机刷脸核验暂停几分钟，本次未扣款。请改为输入手机号后4位，或扫码支付。</translation>
    </message>
</context>
<context>
    <name>mk::ui::bookingui</name>
    <message>
        <source>This booking can no longer be cancelled.</source>
        <translation>此预约已无法取消。</translation>
    </message>
    <message>
        <source>You can cancel until %1.</source>
        <translation>%1 之前可以取消。</translation>
    </message>
</context>
</TS>
