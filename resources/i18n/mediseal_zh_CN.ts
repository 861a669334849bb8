<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>Offline workbench for IP-dispute mediation, electronic notarial evidence and documents for judicial confirmation.</source>
        <translation>离线的知识产权纠纷调解、公证电子存证与司法确认文书工作台。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>The administrator adds the other users (mediators, notaries, clerks) and manages their roles. Keep the password safe: it also protects the administrator&apos;s signing key.</source>
        <translation>管理员负责添加其他用户（调解员、公证员、书记员）并管理其角色。请妥善保管密码：它同时保护管理员的签名密钥。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>Mediseal</source>
        <translation>Mediseal</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe; the action that failed was not completed.</source>
        <translation>发生了意外错误。已保存的工作不受影响；出错的操作没有完成。</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>详细信息已写入日志文件：
{path}</translation>
    </message>
    <message>
        <source>Mediseal: unexpected error</source>
        <translation>Mediseal：意外错误</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>&amp;Verify…</source>
        <translation>核验(&amp;V)…</translation>
    </message>
    <message>
        <source>Sign &amp;Checkpoint</source>
        <translation>签署检查点(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save Report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Expected / found</source>
        <translation>预期 / 实际</translation>
    </message>
    <message>
        <source>{count} entries. No checkpoint yet.</source>
        <translation>共 {count} 条记录。尚无检查点。</translation>
    </message>
    <message>
        <source>{count} entries. Latest checkpoint: {size} entries, root {root}…, signed by {signer} at {time}.</source>
        <translation>共 {count} 条记录。最新检查点：{size} 条记录，根哈希 {root}…，由 {signer} 于 {time} 签署。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Verifying the ledger…</source>
        <translation>正在核验存证日志…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
    <message>
        <source>Checked {entries} entries, {nodes} tree nodes and {checkpoints} checkpoints.</source>
        <translation>已核验 {entries} 条记录、{nodes} 个树节点和 {checkpoints} 个检查点。</translation>
    </message>
    <message>
        <source>Everything matches.</source>
        <translation>全部一致。</translation>
    </message>
    <message>
        <source>{count} findings.</source>
        <translation>发现 {count} 处问题。</translation>
    </message>
    <message>
        <source>Save verification report</source>
        <translation>保存核验报告</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <source>Database: {kind}</source>
        <translation>数据库：{kind}</translation>
    </message>
    <message>
        <source>Opening the data folder…</source>
        <translation>正在打开数据文件夹…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Signed in: {user}</source>
        <translation>当前用户：{user}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Side Bar</source>
        <translation>显示侧边栏(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>Show &amp;Cases</source>
        <translation>查看调解案件(&amp;C)</translation>
    </message>
    <message>
        <source>Evi&amp;dence</source>
        <translation>证据(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Evidence</source>
        <translation>查看证据(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>存证日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Mediseal</source>
        <translation>关于 Mediseal(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>您的机构</translation>
    </message>
    <message>
        <source>Mediseal records which mediation centre or notary office this data folder belongs to. The name appears on documents; the prefix on every case number.</source>
        <translation>Mediseal 需要记录此数据文件夹所属的调解中心或公证处。名称将出现在文书上，前缀将出现在每个案件编号中。</translation>
    </message>
    <message>
        <source>e.g. Kunming IP Dispute Mediation Centre</source>
        <translation>例如：昆明市知识产权纠纷调解中心</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>机构名称：</translation>
    </message>
    <message>
        <source>Case-number prefix:</source>
        <translation>案件编号前缀：</translation>
    </message>
    <message>
        <source>Case numbers will look like:</source>
        <translation>案件编号示例：</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Cases</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <source>Mediation cases: parties and agents, sessions, live minutes and outcomes.</source>
        <translation>调解案件：当事人及委托代理人、调解会、现场笔录与调解结果。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Electronic evidence: ingest files into the vault, seal them and check they are intact.</source>
        <translation>电子证据：将文件存入证据库、签章，并核验其完整性。</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Documents for judicial confirmation: agreements, the joint application, commitment letters, evidence lists and minutes.</source>
        <translation>司法确认文书：调解协议书、共同申请书、承诺书、证据清单及调解笔录。</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>存证日志</translation>
    </message>
    <message>
        <source>The append-only ledger of every change, with signed checkpoints.</source>
        <translation>记录每一项变更的只增日志，附带签名检查点。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Case statistics by type, outcome and period, and repeat-infringer flags.</source>
        <translation>按类型、结果和期间统计案件，并标记重复侵权人。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings of this workstation and of the office.</source>
        <translation>本工作站及本机构的设置。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Notary</source>
        <translation>公证员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>Lock the window after this long without use:</source>
        <translation>无操作多久后锁定窗口：</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add User…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>Change &amp;Roles…</source>
        <translation>修改角色(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Only administrators manage users.</source>
        <translation>只有管理员可以管理用户。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable “{name}”? They can no longer sign in; their history and keys stay.</source>
        <translation>停用“{name}”？该用户将无法登录；其历史记录和密钥仍会保留。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Mediseal</source>
        <translation>设置 Mediseal</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Unlock Mediseal</source>
        <translation>解锁 Mediseal</translation>
    </message>
    <message>
        <source>Sign in to Mediseal</source>
        <translation>登录 Mediseal</translation>
    </message>
    <message>
        <source>The window was locked after a time without use. Enter your password to go on where you left off.</source>
        <translation>窗口因一段时间未操作已锁定。请输入密码，继续之前的工作。</translation>
    </message>
    <message>
        <source>Sign in with your Mediseal user name and password.</source>
        <translation>请使用您的 Mediseal 用户名和密码登录。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Change roles</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Initial password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The data folder {path} is a file, not a folder.</source>
        <translation>数据文件夹 {path} 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <source>The folder {path} is not empty and is not a Mediseal data folder: choose an empty or new folder.</source>
        <translation>文件夹 {path} 不是空的，也不是 Mediseal 数据文件夹：请选择一个空文件夹或新文件夹。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be made: a file stands in its path.</source>
        <translation>无法创建数据文件夹 {path}：其路径中有一个同名文件。</translation>
    </message>
    <message>
        <source>The data folder {path} is not writable: choose another folder or fix its permissions.</source>
        <translation>数据文件夹 {path} 不可写入：请选择其他文件夹或修改其权限。</translation>
    </message>
    <message>
        <source>The database was written by a newer Mediseal (schema {revision}; this version knows up to {head}). Install the newer version to open it.</source>
        <translation>该数据库由更新版本的 Mediseal 写入（结构版本 {revision}；本版本最高支持 {head}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>{path} is not a Mediseal database ({reason}).</source>
        <translation>{path} 不是 Mediseal 数据库（{reason}）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The office name is empty.</source>
        <translation>机构名称为空。</translation>
    </message>
    <message>
        <source>The office name must be at most {limit} characters, on one line.</source>
        <translation>机构名称最多 {limit} 个字符，且只能占一行。</translation>
    </message>
    <message>
        <source>The case-number prefix is empty.</source>
        <translation>案件编号前缀为空。</translation>
    </message>
    <message>
        <source>The case-number prefix must be at most {limit} characters with no spaces, digits, brackets or the characters 字, 第, 号.</source>
        <translation>案件编号前缀最多 {limit} 个字符，不能包含空格、数字、括号或“字”“第”“号”。</translation>
    </message>
    <message>
        <source>This data folder already belongs to the office “{office}”.</source>
        <translation>此数据文件夹已属于机构“{office}”。</translation>
    </message>
    <message>
        <source>Cannot reach the database {url}: {reason}</source>
        <translation>无法连接数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>A record must be a JSON object.</source>
        <translation>记录必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The record has no valid “{field}” field.</source>
        <translation>记录缺少有效的“{field}”字段。</translation>
    </message>
    <message>
        <source>The integer at {path} is too large for a record (the limit is {limit}).</source>
        <translation>{path} 处的整数超出记录允许的范围（上限为 {limit}）。</translation>
    </message>
    <message>
        <source>The text at {path} is not valid Unicode.</source>
        <translation>{path} 处的文本不是有效的 Unicode。</translation>
    </message>
    <message>
        <source>The record holds a floating-point number at {path}; write amounts as decimal text and counts as integers.</source>
        <translation>记录在 {path} 处含有浮点数；金额请写成十进制文本，数量请写成整数。</translation>
    </message>
    <message>
        <source>The record has a key that is not text at {path}.</source>
        <translation>记录在 {path} 处有一个不是文本的键。</translation>
    </message>
    <message>
        <source>The record holds a value of an unsupported kind ({kind}) at {path}.</source>
        <translation>记录在 {path} 处含有不支持的值类型（{kind}）。</translation>
    </message>
    <message>
        <source>The time {value} has no time zone.</source>
        <translation>时间 {value} 没有时区。</translation>
    </message>
    <message>
        <source>“{text}” is not a time in the form {example}.</source>
        <translation>“{text}”不是 {example} 格式的时间。</translation>
    </message>
    <message>
        <source>The name on the certificate must be one line of at most {limit} bytes in UTF-8 (about {chinese_limit} Chinese characters).</source>
        <translation>证书上的名称必须为一行，UTF-8 编码最多 {limit} 字节（约 {chinese_limit} 个汉字）。</translation>
    </message>
    <message>
        <source>The organization on the certificate must be one line of at most {limit} characters.</source>
        <translation>证书上的机构名称必须为一行，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Seals need an ECDSA P-256 key, not {kind}.</source>
        <translation>签章需要 ECDSA P-256 密钥，而不是 {kind}。</translation>
    </message>
    <message>
        <source>The password for a key must not be empty.</source>
        <translation>密钥的密码不能为空。</translation>
    </message>
    <message>
        <source>The password does not unlock this key.</source>
        <translation>该密码无法解锁此密钥。</translation>
    </message>
    <message>
        <source>The key file is damaged and cannot be read; restore it from a backup.</source>
        <translation>密钥文件已损坏，无法读取；请从备份中恢复。</translation>
    </message>
    <message>
        <source>The key file has format version {version}, which this version of Mediseal cannot read.</source>
        <translation>密钥文件的格式版本为 {version}，本版本的 Mediseal 无法读取。</translation>
    </message>
    <message>
        <source>The file is not a PKCS#12 (.p12 or .pfx) file.</source>
        <translation>该文件不是 PKCS#12（.p12 或 .pfx）文件。</translation>
    </message>
    <message>
        <source>The password does not open this PKCS#12 file.</source>
        <translation>该密码无法打开此 PKCS#12 文件。</translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no private key.</source>
        <translation>该 PKCS#12 文件不含私钥。</translation>
    </message>
    <message>
        <source>The key in the PKCS#12 file is {kind}; seals need an ECDSA P-256 key.</source>
        <translation>PKCS#12 文件中的密钥是 {kind}；签章需要 ECDSA P-256 密钥。</translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no certificate.</source>
        <translation>该 PKCS#12 文件不含证书。</translation>
    </message>
    <message>
        <source>The certificate in the PKCS#12 file does not belong to its private key.</source>
        <translation>PKCS#12 文件中的证书与其私钥不匹配。</translation>
    </message>
    <message>
        <source>The certificate in the PKCS#12 file expired on {not_after}.</source>
        <translation>PKCS#12 文件中的证书已于 {not_after} 过期。</translation>
    </message>
    <message>
        <source>The certificate in the PKCS#12 file is not valid before {not_before}.</source>
        <translation>PKCS#12 文件中的证书在 {not_before} 之前无效。</translation>
    </message>
    <message>
        <source>The certificate in the PKCS#12 file does not allow digital signatures (key usage).</source>
        <translation>PKCS#12 文件中的证书不允许数字签名（密钥用途）。</translation>
    </message>
    <message>
        <source>The file does not hold a readable PEM certificate.</source>
        <translation>该文件不含可读取的 PEM 证书。</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>A password may have at most {maximum} characters.</source>
        <translation>密码最多 {maximum} 个字符。</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>hold a signing key</source>
        <translation>持有签名密钥</translation>
    </message>
    <message>
        <source>sign a checkpoint</source>
        <translation>签署检查点</translation>
    </message>
    <message>
        <source>{user} may not {action}: that needs the role {roles}.</source>
        <translation>{user} 无权{action}：需要角色 {roles}。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This certificate is already held here ({fingerprint}).</source>
        <translation>此证书已在本处登记（{fingerprint}）。</translation>
    </message>
    <message>
        <source>There is no user “{name}”.</source>
        <translation>没有用户“{name}”。</translation>
    </message>
    <message>
        <source>“{name}” has no such signing key.</source>
        <translation>“{name}”没有这个签名密钥。</translation>
    </message>
    <message>
        <source>{user} has no usable signing key: make one with “mediseal key new” or import one (a revoked key signs nothing new).</source>
        <translation>{user} 没有可用的签名密钥：请用“mediseal key new”生成或导入一个（已吊销的密钥不能再签名）。</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 letters (21 Chinese characters), digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not “{name}”).</source>
        <translation>用户名由 1 至 64 个字母（21 个汉字）、数字、“.”、“_”或“-”组成（“{name}”不符合）。</translation>
    </message>
    <message>
        <source>Unknown role “{role}”: use {known}.</source>
        <translation>未知角色“{role}”：请使用 {known}。</translation>
    </message>
    <message>
        <source>A user needs at least one role.</source>
        <translation>用户至少需要一个角色。</translation>
    </message>
    <message>
        <source>A user “{name}” already exists.</source>
        <translation>用户“{name}”已存在。</translation>
    </message>
    <message>
        <source>This data folder already has users.</source>
        <translation>此数据文件夹已有用户。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>“{name}” is the last administrator: make another administrator first.</source>
        <translation>“{name}”是最后一位管理员：请先设置另一位管理员。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this account is locked until {until}.</source>
        <translation>登录失败次数过多：此账户已锁定至 {until}。</translation>
    </message>
    <message>
        <source>The account “{name}” is disabled: ask an administrator.</source>
        <translation>账户“{name}”已停用：请联系管理员。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
</TS>
