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
        <source>Schema</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
</context>
<context>
    <name>AccountSection</name>
    <message>
        <source>Your account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Change Pass&amp;word…</source>
        <translation>修改密码(&amp;W)…</translation>
    </message>
    <message>
        <source>{person} — {roles}</source>
        <translation>{person} — {roles}</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Your password was changed. Use it at your next sign-in; your signing keys are protected by it.</source>
        <translation>密码已修改。下次登录时请使用新密码；您的签名密钥现由新密码保护。</translation>
    </message>
</context>
<context>
    <name>AcquisitionDialog</name>
    <message>
        <source>Take in evidence</source>
        <translation>证据入库</translation>
    </message>
    <message>
        <source>{count} file(s) or folder(s) to take into the vault. Describe how they were obtained; this is recorded with each item and cannot be changed later.</source>
        <translation>共 {count} 个文件或文件夹将存入存证库。请说明取证情况；这些信息将随每份证据一并记录，之后不可更改。</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>已知：</translation>
    </message>
    <message>
        <source>e.g. camera model, capture software and version</source>
        <translation>例如：相机型号、取证软件及版本</translation>
    </message>
    <message>
        <source>Seal each item at once with my signing key</source>
        <translation>立即用我的签名密钥为每份证据加盖签章</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>证据来源：</translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation>网址（URL）：</translation>
    </message>
    <message>
        <source>Acquired at:</source>
        <translation>取证时间：</translation>
    </message>
    <message>
        <source>Acquired by:</source>
        <translation>取证人：</translation>
    </message>
    <message>
        <source>Device or software:</source>
        <translation>设备或软件：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Take In</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Address (URL, required):</source>
        <translation>网址（URL，必填）：</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Add a Correction (Addendum)</source>
        <translation>补正（补充记录）</translation>
    </message>
    <message>
        <source>Seal the &amp;Addendum</source>
        <translation>签章补充记录(&amp;A)</translation>
    </message>
    <message>
        <source>Corrects &amp;entry:</source>
        <translation>补正的条目(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>补正理由（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Corrected &amp;text:</source>
        <translation>更正后的内容(&amp;T)：</translation>
    </message>
    <message>
        <source>The sealed minutes stay as they are; the addendum names the entry it corrects and why, and is sealed with your key.</source>
        <translation>已签章的笔录保持不变；补充记录写明所补正的条目及理由，并以您的签名密钥签章。</translation>
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
        <source>As on the ID card</source>
        <translation>与身份证上一致</translation>
    </message>
    <message>
        <source>Create the administrator&apos;s signing key now</source>
        <translation>现在为管理员生成签名密钥</translation>
    </message>
    <message>
        <source>It signs the ledger&apos;s checkpoint at every sign-out.</source>
        <translation>每次退出登录时用它签署存证日志检查点。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Real name:</source>
        <translation>姓名：</translation>
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
        <source>Type the administrator&apos;s real name, as on their ID card.</source>
        <translation>请填写管理员的姓名，与其身份证上一致。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AgentForm</name>
    <message>
        <source>None given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>e.g. USA, JPN, DEU</source>
        <translation>如 USA、JPN、DEU</translation>
    </message>
    <message>
        <source>Special powers (each must be written in the power of attorney)</source>
        <translation>特别授权事项（须在授权委托书中逐项写明）</translation>
    </message>
    <message>
        <source>Until the matter ends</source>
        <translation>至本案调解终结</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Kind of agent:</source>
        <translation>代理人类别：</translation>
    </message>
    <message>
        <source>Law firm or legal service office:</source>
        <translation>律师事务所或法律服务所：</translation>
    </message>
    <message>
        <source>Practising certificate number:</source>
        <translation>执业证号：</translation>
    </message>
    <message>
        <source>Identity document:</source>
        <translation>证件类型：</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>国籍：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Authority:</source>
        <translation>代理权限：</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>授权期限自：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>授权期限至：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <source>Mediation Agreement of {number}</source>
        <translation>{number} 人民调解协议书</translation>
    </message>
    <message>
        <source>&amp;Save Draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Save the draft as a new version (Ctrl+S)</source>
        <translation>将草稿保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Finalise…</source>
        <translation>定稿(&amp;F)…</translation>
    </message>
    <message>
        <source>Su&amp;pplementary Agreement</source>
        <translation>补充协议(&amp;P)</translation>
    </message>
    <message>
        <source>Load Theirs</source>
        <translation>载入对方版本</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Sealed by {signer}, in effect from {day}: read only.</source>
        <translation>已由{signer}签章，自 {day} 起生效：只读。</translation>
    </message>
    <message>
        <source>Read only: {reason}</source>
        <translation>只读：{reason}</translation>
    </message>
    <message>
        <source>Unsaved changes (based on version {version}).</source>
        <translation>有未保存的修改（基于第 {version} 版）。</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
    </message>
    <message>
        <source>Draft version {version} saved.</source>
        <translation>草稿第 {version} 版已保存。</translation>
    </message>
    <message>
        <source>A suggested start, not saved yet.</source>
        <translation>建议的初稿，尚未保存。</translation>
    </message>
    <message>
        <source>{number}  {title}  ({status})</source>
        <translation>{number}  {title}（{status}）</translation>
    </message>
    <message>
        <source>Supplementary Agreement of {number}</source>
        <translation>{number} 人民调解补充协议书</translation>
    </message>
    <message>
        <source>The preview is not updated: {reason}</source>
        <translation>预览未更新：{reason}</translation>
    </message>
    <message>
        <source>Everything you typed is still here. Load Theirs shows the version saved meanwhile; you can come back to yours and save it after theirs.</source>
        <translation>您录入的内容都还在。点击“载入对方版本”可查看他人刚保存的版本；也可回到您的修改，在其之后保存。</translation>
    </message>
    <message>
        <source>Showing your edit. Save Draft records it as the version after version {version}.</source>
        <translation>正在显示您的修改。“保存草稿”将其保存为第 {version} 版之后的新版本。</translation>
    </message>
    <message>
        <source>Back to My Edit</source>
        <translation>回到我的修改</translation>
    </message>
    <message>
        <source>Showing the version saved meanwhile (version {version}). Save Draft keeps it with any changes you make here.</source>
        <translation>正在显示他人刚保存的版本（第 {version} 版）。“保存草稿”将保存它及您在此所作的修改。</translation>
    </message>
    <message>
        <source>The agreement changed while it was checked; choose Finalise again.</source>
        <translation>检查期间协议书又有修改，请再次点击“定稿”。</translation>
    </message>
    <message>
        <source>Not finalised: first put right {fields}.</source>
        <translation>未定稿：请先改正：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The agreement has changes that are not saved. Save them as a draft?</source>
        <translation>协议书有未保存的修改。是否保存为草稿？</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>AgreementFields</name>
    <message>
        <source>Clause {number}, instalment {instalment}: {part}</source>
        <translation>条款 {number} 第 {instalment} 期{part}</translation>
    </message>
    <message>
        <source>Clause {number}</source>
        <translation>条款 {number}</translation>
    </message>
    <message>
        <source>Clause {number}: {part}</source>
        <translation>条款 {number} {part}</translation>
    </message>
</context>
<context>
    <name>AgreementForm</name>
    <message>
        <source>Edit the parties on the Parties tab</source>
        <translation>在“当事人及代理人”页编辑当事人</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Parties:</source>
        <translation>当事人：</translation>
    </message>
    <message>
        <source>Main f&amp;acts:</source>
        <translation>纠纷主要事实(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Disputed matters:</source>
        <translation>争议事项(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Responsibility:</source>
        <translation>各方责任(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;lauses:</source>
        <translation>协议条款(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Manner of performance:</source>
        <translation>履行方式(&amp;M)：</translation>
    </message>
    <message>
        <source>Place of perf&amp;ormance:</source>
        <translation>履行地点(&amp;O)：</translation>
    </message>
    <message>
        <source>Deadli&amp;ne of performance:</source>
        <translation>履行期限(&amp;N)：</translation>
    </message>
    <message>
        <source>Liability for breac&amp;h:</source>
        <translation>违约责任(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>份数(&amp;C)：</translation>
    </message>
    <message>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
    </message>
    <message>
        <source>No parties yet.</source>
        <translation>尚无当事人。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign Mediator</source>
        <translation>指派调解员</translation>
    </message>
    <message>
        <source>I declare no conflict of interest in this case</source>
        <translation>本人与本案无利害关系，无需回避</translation>
    </message>
    <message>
        <source>There is a conflict of interest, disclosed below:</source>
        <translation>存在应当披露的利害关系，说明如下：</translation>
    </message>
    <message>
        <source>Mediator:</source>
        <translation>调解员：</translation>
    </message>
    <message>
        <source>Declaration on conflicts of interest (cf. 2021 Online Mediation Rules art. 13):</source>
        <translation>回避声明（参照《人民法院在线调解规则》第十三条）：</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>No other user holds the mediator role.</source>
        <translation>没有其他具有调解员角色的用户。</translation>
    </message>
    <message>
        <source>{number} as a party ({name})</source>
        <translation>{number}（当事人：{name}）</translation>
    </message>
    <message>
        <source>{number} as an agent ({name})</source>
        <translation>{number}（委托代理人：{name}）</translation>
    </message>
    <message>
        <source>Warning: someone with this mediator&apos;s name appears in {where}. It may be another person of the same name; check before you assign.</source>
        <translation>注意：与该调解员同名的人出现在{where}中。可能是同名的另一人，请核实后再指派。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>The file could not be read or written: {reason}</source>
        <translation>无法读取或写入文件：{reason}</translation>
    </message>
    <message>
        <source>Back Up the Data Folder</source>
        <translation>备份数据文件夹</translation>
    </message>
    <message>
        <source>One archive with the database, every evidence file in the vault, the encrypted signing keys and the window&apos;s settings, with a manifest of every file&apos;s SHA-256. Work can go on meanwhile. Keep the archive somewhere else than this computer.</source>
        <translation>一个归档文件，含数据库、证据库中的每个证据文件、加密保存的签名密钥和窗口设置，并附每个文件 SHA-256 的清单。备份期间可照常工作。请将备份保存在本机以外的地方。</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>保存为(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Save the Backup As</source>
        <translation>备份保存为</translation>
    </message>
    <message>
        <source>Backing up the data folder</source>
        <translation>正在备份数据文件夹</translation>
    </message>
    <message>
        <source>Backed up into {path}
{files} files ({size}), {blobs} of them evidence files in the vault; ledger of {ledger_size} entries, root {root}.</source>
        <translation>已备份到 {path}
共 {files} 个文件（{size}），其中证据库中的证据文件 {blobs} 个；存证日志 {ledger_size} 条，根哈希 {root}。</translation>
    </message>
    <message>
        <source>The PostgreSQL database is in the archive (pg_dump).</source>
        <translation>PostgreSQL 数据库已在归档中（pg_dump）。</translation>
    </message>
    <message>
        <source>pg_dump was not found: the PostgreSQL database is NOT in the archive. Dump it by hand as the archive&apos;s database/README.txt says.</source>
        <translation>未找到 pg_dump：PostgreSQL 数据库不在归档中。请按归档中 database/README.txt 的说明手动导出。</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Upcoming Sittings</source>
        <translation>近期调解会</translation>
    </message>
    <message>
        <source>Next {days} days</source>
        <translation>未来{days}日</translation>
    </message>
    <message>
        <source>Unconfirmed text kept in the minutes: open the sitting to restore it</source>
        <translation>笔录中有未确认的内容已暂存：打开该次调解会即可恢复</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Open the Sitting</source>
        <translation>打开调解会(&amp;O)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>{count} sittings</source>
        <translation>共{count}次调解会</translation>
    </message>
    <message>
        <source>{number}, sitting of {time}: “{text}”</source>
        <translation>{number}，{time}的调解会：“{text}”</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>New case</source>
        <translation>受理案件</translation>
    </message>
    <message>
        <source>e.g. Trademark infringement: Acme Ltd v. Corner Shop</source>
        <translation>例如：某某公司诉某某店商标侵权纠纷</translation>
    </message>
    <message>
        <source>Kind of matter:</source>
        <translation>事项类别：</translation>
    </message>
    <message>
        <source>Kind of dispute:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>案件名称：</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>受理案件</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Digest (SHA-256)</source>
        <translation>摘要（SHA-256）</translation>
    </message>
    <message>
        <source>Add Scanned &amp;Papers…</source>
        <translation>添加扫描件(&amp;P)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Into part:</source>
        <translation>归入：</translation>
    </message>
    <message>
        <source>&amp;Save Cover</source>
        <translation>保存封面(&amp;S)</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>卷宗封面</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>卷宗名称：</translation>
    </message>
    <message>
        <source>File number:</source>
        <translation>卷宗号：</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>保管期限：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Note on the file:</source>
        <translation>卷宗情况说明：</translation>
    </message>
    <message>
        <source>Why the file is archived incomplete</source>
        <translation>材料不全仍归档的理由</translation>
    </message>
    <message>
        <source>&amp;Archive File…</source>
        <translation>归档(&amp;A)…</translation>
    </message>
    <message>
        <source>Archiving</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{user}, {time}</source>
        <translation>{user}，{time}</translation>
    </message>
    <message>
        <source>not archived yet</source>
        <translation>尚未归档</translation>
    </message>
    <message>
        <source>Mediators: {names}
Mediation: {dates}
Filed by: {filed}</source>
        <translation>调解员：{names}
调解日期：{dates}
立卷：{filed}</translation>
    </message>
    <message>
        <source>Archived: the case is closed and its file read-only.</source>
        <translation>已归档：案件已结案，卷宗只读。</translation>
    </message>
    <message>
        <source>Missing: {parts}. A reason is needed to archive the file as it is.</source>
        <translation>缺少：{parts}。材料不全归档须填写理由。</translation>
    </message>
    <message>
        <source>The file is complete.</source>
        <translation>卷宗材料齐全。</translation>
    </message>
    <message>
        <source>{present} of {total} parts present; {missing} required part(s) missing.</source>
        <translation>共 {total} 部分，已有 {present} 部分；缺必备材料 {missing} 项。</translation>
    </message>
    <message>
        <source>Required because the case has an agent (授权委托书).</source>
        <translation>本案有委托代理人，须附授权委托书。</translation>
    </message>
    <message>
        <source>Required because an agreement was reached.</source>
        <translation>本案已达成协议，须附协议书。</translation>
    </message>
    <message>
        <source>Present ({count})</source>
        <translation>已有（{count}）</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>{state} · required</source>
        <translation>{state} · 必备</translation>
    </message>
    <message>
        <source>{state} · required (agent)</source>
        <translation>{state} · 必备（有代理人）</translation>
    </message>
    <message>
        <source>{state} · required (agreement)</source>
        <translation>{state} · 必备（已达成协议）</translation>
    </message>
    <message>
        <source>The case closes after its outcome: it cannot be archived from “{status}”.</source>
        <translation>案件有结果后方可结案：处于“{status}”时不能归档。</translation>
    </message>
    <message>
        <source>Add scanned papers</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Adding {count} scanned paper(s)</source>
        <translation>正在添加 {count} 份扫描件</translation>
    </message>
    <message>
        <source>Not taken in: {names}</source>
        <translation>未入库：{names}</translation>
    </message>
    <message>
        <source>The file is incomplete (missing: {parts}): give the reason to archive it as it is.</source>
        <translation>卷宗材料不全（缺少：{parts}）：请填写仍予归档的理由。</translation>
    </message>
    <message>
        <source>Archive the Case File</source>
        <translation>卷宗归档</translation>
    </message>
    <message>
        <source>Archive the file of {number} and close the case? Nothing in the case can be changed afterwards.</source>
        <translation>将{number}的卷宗归档并结案？归档后本案任何内容均不能再修改。</translation>
    </message>
    <message>
        <source>Archiving the case file…</source>
        <translation>正在归档卷宗…</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>{amount} yuan ({capitals})</source>
        <translation>{amount} 元（{capitals}）</translation>
    </message>
    <message>
        <source>{count} days left</source>
        <translation>剩余{count}日</translation>
    </message>
    <message>
        <source>ends today</source>
        <translation>今日届满</translation>
    </message>
    <message>
        <source>overdue by {count} days</source>
        <translation>已逾期{count}日</translation>
    </message>
    <message>
        <source>{what}: {day} ({left})</source>
        <translation>{what}：{day}（{left}）</translation>
    </message>
    <message>
        <source> — due soon</source>
        <translation> — 即将到期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名或名称</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Occupation or post</source>
        <translation>职业或职务</translation>
    </message>
    <message>
        <source>Address or work unit</source>
        <translation>住所或工作单位</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>注册号</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家或地区</translation>
    </message>
    <message>
        <source>Domicile</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Legal representative or person in charge</source>
        <translation>法定代表人或主要负责人</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源地</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>not agreed</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Service phone</source>
        <translation>送达联系电话</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Electronic service</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>Kind of agent</source>
        <translation>代理人类别</translation>
    </message>
    <message>
        <source>Law firm or legal service office</source>
        <translation>律师事务所或法律服务所</translation>
    </message>
    <message>
        <source>Practising certificate number</source>
        <translation>执业证号</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>代理权限</translation>
    </message>
    <message>
        <source>Special powers</source>
        <translation>特别授权事项</translation>
    </message>
    <message>
        <source>until the matter ends</source>
        <translation>本案调解终结</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>授权期限</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Credit code {code}</source>
        <translation>统一社会信用代码 {code}</translation>
    </message>
    <message>
        <source>Registration {number} ({country})</source>
        <translation>注册号{number}（{country}）</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>&amp;Overview</source>
        <translation>概况(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>证据(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Case &amp;File</source>
        <translation>卷宗(&amp;F)</translation>
    </message>
    <message>
        <source>Export Court &amp;Package…</source>
        <translation>导出证据包(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Parties, Agents</source>
        <translation>当事人及代理人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Sittings</source>
        <translation>调解会及笔录(&amp;S)</translation>
    </message>
    <message>
        <source>O&amp;utcome and Performance</source>
        <translation>调解结果及履行(&amp;U)</translation>
    </message>
    <message>
        <source>Follo&amp;w-up</source>
        <translation>回访(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>{number}  {title}  ({status})</source>
        <translation>{number}  {title}（{status}）</translation>
    </message>
    <message>
        <source>Read only: {reason}</source>
        <translation>只读：{reason}</translation>
    </message>
    <message>
        <source>Edit Details of {number}</source>
        <translation>修改案件信息：{number}</translation>
    </message>
    <message>
        <source>Version History of {name}</source>
        <translation>历史版本：{name}</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Case Register</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <source>Number, title or party name</source>
        <translation>案号、案件名称或当事人名称</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>登记案件(&amp;N)…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Due soon</source>
        <translation>期限将至(&amp;D)</translation>
    </message>
    <message>
        <source>Deadline within 7 days, or passed</source>
        <translation>期限在7日内届满或已逾期</translation>
    </message>
    <message>
        <source>Foreign-related</source>
        <translation>涉外/涉港澳台</translation>
    </message>
    <message>
        <source>Not foreign-related</source>
        <translation>非涉外</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Mediator:</source>
        <translation>调解员(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Received from:</source>
        <translation>收案日期(&amp;R)：</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Foreign-related:</source>
        <translation>涉外(&amp;F)：</translation>
    </message>
    <message>
        <source>Foreign</source>
        <translation>涉外</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <source>Close Case</source>
        <translation>关闭案件</translation>
    </message>
    <message>
        <source>“{title}” has edits that are not saved. Discard them and close the case, or keep it open (and save them there)?</source>
        <translation>“{title}”有未保存的修改。放弃修改并关闭案件，还是保持打开（在案件中保存）？</translation>
    </message>
    <message>
        <source>Discard Edits</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep Open</source>
        <translation>保持打开</translation>
    </message>
    <message>
        <source>Open cases have edits that are not saved. Discard them, or go back and save them?</source>
        <translation>打开的案件中有未保存的修改。放弃这些修改，还是返回保存？</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ClauseList</name>
    <message>
        <source>Clauses</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Add from &amp;Template</source>
        <translation>从模板添加(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;Blank</source>
        <translation>添加空白条款(&amp;B)</translation>
    </message>
    <message>
        <source>Add a blank clause (Ctrl+Enter)</source>
        <translation>添加空白条款（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>删除(&amp;V)</translation>
    </message>
    <message>
        <source>Fill in each blank ____; 【金额】 is where the sum is printed, in capitals and in figures.</source>
        <translation>请填写每个空白处“____”；“【金额】”处打印金额的大写和数字。</translation>
    </message>
    <message>
        <source>Add &amp;Instalment</source>
        <translation>添加分期(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>内容(&amp;X)：</translation>
    </message>
    <message>
        <source>Sum in &amp;yuan:</source>
        <translation>金额（元）(&amp;Y)：</translation>
    </message>
    <message>
        <source>Du&amp;e by:</source>
        <translation>履行期限(&amp;E)：</translation>
    </message>
    <message>
        <source>Instalments:</source>
        <translation>分期：</translation>
    </message>
    <message>
        <source>Clause {number}</source>
        <translation>条款 {number}</translation>
    </message>
    <message>
        <source>No clause chosen</source>
        <translation>未选择条款</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>（尚无内容）</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create Signing Key</source>
        <translation>生成签名密钥</translation>
    </message>
    <message>
        <source>A new signing key for {user}: ECDSA P-256 with a self-signed certificate, valid for five years. Its private key is kept encrypted under your account password; it signs from now on, without signing in again.</source>
        <translation>为 {user} 生成新的签名密钥：ECDSA P-256 算法，附自签名证书，有效期五年。私钥以您的账户密码加密保存；生成后立即可用于签章，无需重新登录。</translation>
    </message>
    <message>
        <source>Create Key</source>
        <translation>生成签名密钥</translation>
    </message>
    <message>
        <source>Your account password:</source>
        <translation>您的账户密码：</translation>
    </message>
</context>
<context>
    <name>CustodyTrail</name>
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
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <source>e.g. Trademark infringement: Acme Tea Ltd v. Corner Shop</source>
        <translation>例如：昆明某某茶业有限公司与某某商行商标侵权纠纷</translation>
    </message>
    <message>
        <source>yuan, e.g. 50000.00 (optional)</source>
        <translation>单位：元，例如 50000.00（选填）</translation>
    </message>
    <message>
        <source>e.g. Kunming Intermediate People&apos;s Court</source>
        <translation>例如：昆明市中级人民法院</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>number of a notarial matter (optional)</source>
        <translation>公证事项的编号（选填）</translation>
    </message>
    <message>
        <source>&amp;Kind of matter:</source>
        <translation>案件类别(&amp;K)：</translation>
    </message>
    <message>
        <source>T&amp;ype of dispute:</source>
        <translation>纠纷类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Kind of &amp;patent:</source>
        <translation>专利类型(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>案件名称(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Account of the dispute:</source>
        <translation>纠纷简要情况(&amp;A)：</translation>
    </message>
    <message>
        <source>Re&amp;quests:</source>
        <translation>申请事项(&amp;Q)：</translation>
    </message>
    <message>
        <source>A&amp;mount claimed:</source>
        <translation>请求金额(&amp;M)：</translation>
    </message>
    <message>
        <source>Date &amp;received:</source>
        <translation>收案日期(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>案件来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Court:</source>
        <translation>法院(&amp;C)：</translation>
    </message>
    <message>
        <source>Court case &amp;number:</source>
        <translation>法院案号(&amp;N)：</translation>
    </message>
    <message>
        <source>Pr&amp;ocedure:</source>
        <translation>审理程序(&amp;O)：</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>调解期限(&amp;L)：</translation>
    </message>
    <message>
        <source>C&amp;ited notarial matter:</source>
        <translation>引用的公证事项(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>DigestField</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>DocumentPrinting</name>
    <message>
        <source>Preparing the print preview…</source>
        <translation>正在准备打印预览…</translation>
    </message>
    <message>
        <source>Print Preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>&amp;Verify a Document…</source>
        <translation>核验文书(&amp;V)…</translation>
    </message>
    <message>
        <source>Awaiting an application for judicial confirmation</source>
        <translation>待申请司法确认</translation>
    </message>
    <message>
        <source>Written agreements in force whose 30 days to apply to a court for judicial confirmation (Civil Procedure Law art. 205) have not run out</source>
        <translation>已生效的书面调解协议，其向人民法院申请司法确认的三十日期间尚未届满（民事诉讼法第二百零五条）</translation>
    </message>
    <message>
        <source>No agreement is waiting: every window is closed or none is open.</source>
        <translation>暂无待申请司法确认的调解协议。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>申请截止日</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>司法确认申请书</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <source>Case number, matter or who made it</source>
        <translation>案号、案件名称或生成人</translation>
    </message>
    <message>
        <source>Register of documents</source>
        <translation>文书登记</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>电子签章</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>&amp;Open the Case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>已签章</translation>
    </message>
    <message>
        <source>No</source>
        <translation>未签章</translation>
    </message>
    <message>
        <source>{count} time(s)</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>The newest {count} documents: search to find older ones</source>
        <translation>最新 {count} 件文书：更早的请搜索</translation>
    </message>
    <message>
        <source>{count} document(s)</source>
        <translation>共 {count} 件文书</translation>
    </message>
    <message>
        <source>Not made yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <source>Already made</source>
        <translation>已生成</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>电子签章</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No document has been made for this case yet: New Document… makes one.</source>
        <translation>本案尚未生成文书：点击“新建文书…”生成。</translation>
    </message>
    <message>
        <source>&amp;New Document…</source>
        <translation>新建文书(&amp;N)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>A&amp;greement…</source>
        <translation>协议书(&amp;G)…</translation>
    </message>
    <message>
        <source>Draft, preview and finalise the mediation agreement (人民调解协议书)</source>
        <translation>起草、预览并定稿人民调解协议书</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>已签章</translation>
    </message>
    <message>
        <source>No</source>
        <translation>未签章</translation>
    </message>
    <message>
        <source>{count} time(s)</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>{kind}, made {time} by {user}; {size} bytes.</source>
        <translation>{kind}，{user}于 {time} 生成；{size} 字节。</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Check code: {code}</source>
        <translation>校验码：{code}</translation>
    </message>
    <message>
        <source>Signed digitally by {signer}.</source>
        <translation>已由 {signer} 加盖电子签章。</translation>
    </message>
    <message>
        <source>Printed {time} by {user}: pages {pages}, {copies} copy(ies), {printer}.</source>
        <translation>{user}于 {time} 打印：第 {pages} 页，{copies} 份，{printer}。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Save a Copy of the Document</source>
        <translation>另存文书副本</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文书 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving a copy of the document</source>
        <translation>正在另存文书副本</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>副本已保存：{path}</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Record Performance</source>
        <translation>登记履行情况</translation>
    </message>
    <message>
        <source>{party}: {kind}</source>
        <translation>{party}：{kind}</translation>
    </message>
    <message>
        <source>Add Proof Files…</source>
        <translation>添加履行凭证…</translation>
    </message>
    <message>
        <source>Obligation:</source>
        <translation>履行事项：</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>履行日期：</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>履行内容：</translation>
    </message>
    <message>
        <source>Sum paid (yuan):</source>
        <translation>支付金额（元）：</translation>
    </message>
    <message>
        <source>Proof files:</source>
        <translation>履行凭证：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Proof of Performance</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Taking proof files into the vault…</source>
        <translation>正在将履行凭证入库…</translation>
    </message>
</context>
<context>
    <name>DueSoonButton</name>
    <message>
        <source>No deadlines due soon</source>
        <translation>暂无期限将至的案件</translation>
    </message>
    <message>
        <source>{count} due soon</source>
        <translation>{count} 件期限将至</translation>
    </message>
    <message>
        <source>Cases whose deadline falls within 7 days or has passed: show them</source>
        <translation>期限在7日内届满或已逾期的案件：点击查看</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Ledger Entry {number}</source>
        <translation>存证日志第{number}条</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time (UTC, as recorded)</source>
        <translation>时间（UTC，原始记录）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>- (no one signed in)</source>
        <translation>-（无人登录）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Event code</source>
        <translation>事件代码</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Subject as recorded</source>
        <translation>对象（原始记录）</translation>
    </message>
    <message>
        <source>Subject&apos;s SHA-256</source>
        <translation>对象的 SHA-256</translation>
    </message>
    <message>
        <source>Leaf hash (RFC 9162)</source>
        <translation>叶子哈希（RFC 9162）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>全部复制(&amp;C)</translation>
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
    <name>EvidenceModel</name>
    <message>
        <source>Name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Sealed by</source>
        <translation>签章人</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Verification failed ({time}): this item does not match its record.</source>
        <translation>核验未通过（{time}）：此证据与其记录不一致。</translation>
    </message>
    <message>
        <source>{bytes} bytes</source>
        <translation>{bytes} 字节</translation>
    </message>
    <message>
        <source>{signers} (from {office})</source>
        <translation>{signers}（来自{office}）</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>受理案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Seal…</source>
        <translation>签章(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Preservation Record…</source>
        <translation>保全证据记录(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Find a case: number or title</source>
        <translation>查找案件：编号或名称</translation>
    </message>
    <message>
        <source>E&amp;xport Proof…</source>
        <translation>导出证明文件(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import Package…</source>
        <translation>导入证据包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Verify Case…</source>
        <translation>核验案件(&amp;V)…</translation>
    </message>
    <message>
        <source>Save Rep&amp;ort…</source>
        <translation>保存报告(&amp;O)…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Custody Trail</source>
        <translation>保管链</translation>
    </message>
    <message>
        <source>Preservation Records</source>
        <translation>保全证据记录</translation>
    </message>
    <message>
        <source>No case matches the search</source>
        <translation>没有符合条件的案件</translation>
    </message>
    <message>
        <source>No case yet</source>
        <translation>尚无案件</translation>
    </message>
    <message>
        <source>{count} items, {sealed} sealed, {size} in all.</source>
        <translation>共 {count} 份证据，已签章 {sealed} 份，合计 {size}。</translation>
    </message>
    <message>
        <source>No case yet: open one with New Case…, then take evidence in.</source>
        <translation>尚无案件：请先用“受理案件…”受理一个案件，再将证据入库。</translation>
    </message>
    <message>
        <source>You have no signing key: create or import one in Settings → Signing keys.</source>
        <translation>您还没有签名密钥：请在“设置 → 签名密钥”中生成或导入。</translation>
    </message>
    <message>
        <source>Only a notary with a signing key can seal evidence.</source>
        <translation>只有持有签名密钥的公证员才能为证据签章。</translation>
    </message>
    <message>
        <source>Only a notary with a signing key can write a preservation record.</source>
        <translation>只有持有签名密钥的公证员才能制作保全证据记录。</translation>
    </message>
    <message>
        <source>Take files in as evidence</source>
        <translation>选择要作为证据入库的文件</translation>
    </message>
    <message>
        <source>Taking in {count} file(s) or folder(s)</source>
        <translation>正在入库 {count} 个文件或文件夹</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 份</translation>
    </message>
    <message>
        <source>Seal {count} evidence item(s) with your signing key?</source>
        <translation>用您的签名密钥为 {count} 份证据加盖签章？</translation>
    </message>
    <message>
        <source>{names}

The seal is your digital signature over each item&apos;s record (file digests and acquisition). It is permanent: it cannot be removed or replaced.</source>
        <translation>{names}

签章是您对每份证据记录（文件摘要及取证信息）的数字签名。签章永久有效：不能撤除，也不能替换。</translation>
    </message>
    <message>
        <source>{count} of the selected items already carry your seal and are left as they are.</source>
        <translation>所选证据中有 {count} 份已有您的签章，保持不变。</translation>
    </message>
    <message>
        <source>Seal evidence</source>
        <translation>证据签章</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>签章</translation>
    </message>
    <message>
        <source>Sealing {count} evidence item(s)</source>
        <translation>正在为 {count} 份证据签章</translation>
    </message>
    <message>
        <source>Sealed {count} item(s).</source>
        <translation>已为 {count} 份证据签章。</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>另存 {name} 的副本</translation>
    </message>
    <message>
        <source>Save copies of {count} items into a folder</source>
        <translation>将 {count} 份证据的副本保存到文件夹</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>正在另存副本…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>副本已保存：{path}</translation>
    </message>
    <message>
        <source>Saved {count} copies.</source>
        <translation>已保存 {count} 份副本。</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Copies saved</source>
        <translation>副本已保存</translation>
    </message>
    <message>
        <source>Select an item to preview it.</source>
        <translation>请选择一份证据以预览。</translation>
    </message>
    <message>
        <source>Your role does not allow viewing evidence.</source>
        <translation>您的角色无权查看证据。</translation>
    </message>
    <message>
        <source>Loading the preview…</source>
        <translation>正在加载预览…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Verifying case {case}…</source>
        <translation>正在核验案件{case}…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
</context>
<context>
    <name>ExchangeFiles</name>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 归档 (*.zip)</translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message>
        <source>Export a Court Package</source>
        <translation>导出证据包</translation>
    </message>
    <message>
        <source>The court package of case {number}: the evidence files with their records, seals and ledger proofs, and steps to check them without Mediseal. Uncheck an item to leave it out of the package.</source>
        <translation>案件 {number} 的证据包：证据文件及其记录、签章和存证日志证明，并附无需 Mediseal 即可核验的步骤。取消勾选的证据不放入证据包。</translation>
    </message>
    <message>
        <source>Check &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;None</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>No signed checkpoint covers these items yet. Type your password: the export signs a checkpoint with your signing key.</source>
        <translation>尚无已签名的检查点涵盖这些证据。请输入您的密码：导出时将用您的签名密钥签署一个检查点。</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>保存为(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>{id}. {name} ({size})</source>
        <translation>{id}. {name}（{size}）</translation>
    </message>
    <message>
        <source>{chosen} of {total} item(s) in the package</source>
        <translation>已勾选 {chosen} 项放入证据包，共 {total} 项</translation>
    </message>
    <message>
        <source>Save the Court Package As</source>
        <translation>证据包保存为</translation>
    </message>
    <message>
        <source>Exporting the court package of {number}</source>
        <translation>正在导出 {number} 的证据包</translation>
    </message>
    <message>
        <source>The package could not be written: {reason}</source>
        <translation>无法写入证据包：{reason}</translation>
    </message>
    <message>
        <source>, signed by this export with your key</source>
        <translation>，本次导出时用您的签名密钥签署</translation>
    </message>
    <message>
        <source>Exported {path}
{size}, {items} item(s), {documents} document(s).
The proofs reach checkpoint {checkpoint} (ledger size {tree_size}, signed {time} by {signer}{signed}).</source>
        <translation>已导出 {path}
{size}，证据 {items} 项，文书 {documents} 份。
证明可追溯至检查点 {checkpoint}（存证日志 {tree_size} 条，{signer} 于 {time} 签署{signed}）。</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>Finalise the Agreement of {number}</source>
        <translation>{number} 协议书定稿</translation>
    </message>
    <message>
        <source>Finalise once the parties and the mediator have signed the printed supplementary agreement. It is then sealed with your signing key and can no longer be changed.</source>
        <translation>请在当事人和调解员在打印的补充协议上签名后定稿。定稿时以您的签名密钥签章，此后不能再修改。</translation>
    </message>
    <message>
        <source>Finalise once the parties and the mediator have signed the printed agreement. It is then sealed with your signing key and can no longer be changed: only a supplementary agreement adds to it. The case moves to “agreement reached”.</source>
        <translation>请在当事人和调解员在打印的协议书上签名后定稿。定稿时以您的签名密钥签章，此后不能再修改，只能另订补充协议。案件转入“达成协议”。</translation>
    </message>
    <message>
        <source>{name} on {day}</source>
        <translation>{name}（{day}）</translation>
    </message>
    <message>
        <source>The outcome already records this written agreement: signed by {signed}, in effect from {day}. It is finalised with these signatures.</source>
        <translation>调解结果已登记此书面协议：{signed}签名，自 {day} 起生效。定稿即采用这些签名。</translation>
    </message>
    <message>
        <source>{name} ({role}) signed on</source>
        <translation>{name}（{role}）签名日期</translation>
    </message>
    <message>
        <source>The mediator signed on:</source>
        <translation>调解员签名日期：</translation>
    </message>
    <message>
        <source>Date of effect (empty: the last signature):</source>
        <translation>生效日期（不填：最后签名之日）：</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Finalise and &amp;Seal</source>
        <translation>定稿并签章(&amp;S)</translation>
    </message>
</context>
<context>
    <name>FindingsTable</name>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>实为</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notice: nothing is wrong, but worth knowing.</source>
        <translation>提示：没有问题，但值得了解。</translation>
    </message>
    <message>
        <source>Error: something does not match what was recorded.</source>
        <translation>错误：有内容与记录不符。</translation>
    </message>
    <message>
        <source>Expected: {value}</source>
        <translation>应为：{value}</translation>
    </message>
    <message>
        <source>Found: {value}</source>
        <translation>实为：{value}</translation>
    </message>
    <message>
        <source>checkpoint {id}</source>
        <translation>检查点 {id}</translation>
    </message>
    <message>
        <source>node {node}</source>
        <translation>节点 {node}</translation>
    </message>
    <message>
        <source>record {id}</source>
        <translation>记录 {id}</translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation>用户 {name}</translation>
    </message>
    <message>
        <source>key {fingerprint}</source>
        <translation>签名密钥 {fingerprint}</translation>
    </message>
    <message>
        <source>file {sha256}</source>
        <translation>文件 {sha256}</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>New Document of {number}</source>
        <translation>新建文书：{number}</translation>
    </message>
    <message>
        <source>Sign digitally (PAdES) with my key</source>
        <translation>用我的签名密钥加盖电子签章（PAdES）</translation>
    </message>
    <message>
        <source>The password of your key</source>
        <translation>签名密钥的密码</translation>
    </message>
    <message>
        <source>You have no usable signing key: create one in Settings → Signing keys.</source>
        <translation>您没有可用的签名密钥：请在“设置 → 签名密钥”中创建。</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文书：</translation>
    </message>
    <message>
        <source>Party:</source>
        <translation>当事人：</translation>
    </message>
    <message>
        <source>Sitting:</source>
        <translation>调解会：</translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation>回访：</translation>
    </message>
    <message>
        <source>Court addressed:</source>
        <translation>受理法院：</translation>
    </message>
    <message>
        <source>Evidence items:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Key password:</source>
        <translation>签名密钥密码：</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>The document as it would print, marked 预览; nothing is recorded</source>
        <translation>按打印效果显示文书，每页标注“预览”；不作登记</translation>
    </message>
    <message>
        <source>Every party it concerns (each on its own page)</source>
        <translation>所涉全部当事人（每人另起一页）</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <source>not sealed</source>
        <translation>未封存</translation>
    </message>
    <message>
        <source>{time} {kind} ({state})</source>
        <translation>{time} {kind}（{state}）</translation>
    </message>
    <message>
        <source>{day} {visitors}</source>
        <translation>{day} {visitors}</translation>
    </message>
    <message>
        <source>{court} (suggested)</source>
        <translation>{court}（建议）</translation>
    </message>
    <message>
        <source>Preview again to see this document.</source>
        <translation>请重新预览以查看此文书。</translation>
    </message>
    <message>
        <source>Chosen by you instead of the suggestion ({court}).</source>
        <translation>由您选定，未采用建议的法院（{court}）。</translation>
    </message>
    <message>
        <source>Chosen by you: no court could be suggested.</source>
        <translation>由您选定：无法给出建议的法院。</translation>
    </message>
    <message>
        <source>Choose at least one evidence item.</source>
        <translation>请至少选择一项证据。</translation>
    </message>
    <message>
        <source>Type the password of your key to sign the document.</source>
        <translation>请输入签名密钥的密码以加盖电子签章。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Version {version}: {who}, {time}</source>
        <translation>第{version}版：{who}，{time}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Package</source>
        <translation>导入证据包</translation>
    </message>
    <message>
        <source>A court package (.zip) from another office</source>
        <translation>其他机构制作的证据包（.zip）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>证据包：</translation>
    </message>
    <message>
        <source>Into case:</source>
        <translation>导入案件：</translation>
    </message>
    <message>
        <source>The package is checked completely first; nothing is imported unless everything in it checks out.</source>
        <translation>先对证据包进行完整核验；只有全部核验通过才会导入。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Choose a Package</source>
        <translation>选择证据包</translation>
    </message>
    <message>
        <source>Court packages (*.zip);;All files (*)</source>
        <translation>证据包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a package and the case to import it into.</source>
        <translation>请选择证据包和要导入的案件。</translation>
    </message>
    <message>
        <source>Checking and importing {file}…</source>
        <translation>正在核验并导入 {file}…</translation>
    </message>
    <message>
        <source>Importing a package</source>
        <translation>正在导入证据包</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>核验发现</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>实为</translation>
    </message>
    <message>
        <source>Refused: {file} does not check out ({count} findings). Nothing was imported.</source>
        <translation>已拒绝：{file} 核验不通过（{count} 项发现），未导入任何内容。</translation>
    </message>
    <message>
        <source>The package was changed or damaged after it was made, or is not a court package. Ask the sending office for a new copy.</source>
        <translation>该证据包在制作后被改动或损坏，或不是证据包。请向发送机构索取新的副本。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>From item</source>
        <translation>原证据</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新文件</translation>
    </message>
    <message>
        <source>already in the vault</source>
        <translation>证据库中已有</translation>
    </message>
    <message>
        <source>Imported {count} items from {office} into case {number}.</source>
        <translation>已从{office}导入 {count} 项证据到案件 {number}。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportKeyDialog</name>
    <message>
        <source>Import Signing Key</source>
        <translation>导入签名密钥</translation>
    </message>
    <message>
        <source>Take in a signing key and its certificate issued by a certification authority (a PKCS#12 .p12 or .pfx file with an ECDSA P-256 key). The private key is then kept encrypted under your account password; it signs from now on, without signing in again.</source>
        <translation>导入由电子认证服务机构（CA）签发的签名密钥及其证书（PKCS#12 格式的 .p12 或 .pfx 文件，算法须为 ECDSA P-256）。私钥随后以您的账户密码加密保存；导入后立即可用于签章，无需重新登录。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>PKCS#12 file:</source>
        <translation>PKCS#12 文件：</translation>
    </message>
    <message>
        <source>Password of the file:</source>
        <translation>文件密码：</translation>
    </message>
    <message>
        <source>Your account password:</source>
        <translation>您的账户密码：</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 file</source>
        <translation>选择 PKCS#12 文件</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file to import.</source>
        <translation>请选择要导入的 PKCS#12 文件。</translation>
    </message>
</context>
<context>
    <name>IngestPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Cancelling; files already taken in are kept…</source>
        <translation>正在取消；已入库的文件将保留…</translation>
    </message>
    <message>
        <source>File {index} of {count}: {name}</source>
        <translation>第 {index} 个，共 {count} 个：{name}</translation>
    </message>
    <message>
        <source>Altogether {done} of {total}</source>
        <translation>总计 {done} / {total}</translation>
    </message>
</context>
<context>
    <name>IngestSummary</name>
    <message>
        <source>Cancelled. {count} file(s) were taken into case {case} before you cancelled; they are kept. The others were not taken in.</source>
        <translation>已取消。取消前已有 {count} 个文件存入案件{case}，予以保留；其余文件未入库。</translation>
    </message>
    <message>
        <source>{count} file(s) taken into case {case}.</source>
        <translation>已将 {count} 个文件存入案件{case}。</translation>
    </message>
    <message>
        <source>{count} sealed.</source>
        <translation>其中 {count} 个已签章。</translation>
    </message>
    <message>
        <source>… and {count} more (see Show Details).</source>
        <translation>……另有 {count} 个（见“显示详细信息”）。</translation>
    </message>
    <message>
        <source>{count} could not be taken in:</source>
        <translation>{count} 个未能入库：</translation>
    </message>
    <message>
        <source>Evidence taken in</source>
        <translation>证据入库</translation>
    </message>
</context>
<context>
    <name>InstalmentRow</name>
    <message>
        <source>Remove this instalment</source>
        <translation>删除此期</translation>
    </message>
</context>
<context>
    <name>ItemFacts</name>
    <message>
        <source>{signer} (certificate {fingerprint}…)</source>
        <translation>{signer}（证书 {fingerprint}…）</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>核验通过</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未核验通过</translation>
    </message>
    <message>
        <source>from {office}, sealed by {signers}, origin verdict: {verdict}</source>
        <translation>来自{office}，签章人：{signers}，来源核验结论：{verdict}</translation>
    </message>
    <message>
        <source>from {office}, not sealed, origin verdict: {verdict}</source>
        <translation>来自{office}，未签章，来源核验结论：{verdict}</translation>
    </message>
    <message>
        <source>its item {item} there; package {package}, imported by {user} at {time}</source>
        <translation>原证据编号 {item}；证据包 {package}，由 {user} 于 {time} 导入</translation>
    </message>
    <message>
        <source>with a trusted timestamp</source>
        <translation>附可信时间戳</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <source>Type and size:</source>
        <translation>类型和大小：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>证据来源：</translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation>网址（URL）：</translation>
    </message>
    <message>
        <source>Acquired at:</source>
        <translation>取证时间：</translation>
    </message>
    <message>
        <source>Acquired by:</source>
        <translation>取证人：</translation>
    </message>
    <message>
        <source>Device or software:</source>
        <translation>设备或软件：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Taken in:</source>
        <translation>入库：</translation>
    </message>
    <message>
        <source>Seals:</source>
        <translation>签章：</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Select an item to see what is recorded about it.</source>
        <translation>请选择一份证据，查看其记录信息。</translation>
    </message>
    <message>
        <source>{type}, {size} ({bytes} bytes)</source>
        <translation>{type}，{size}（{bytes} 字节）</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>by {user} at {time}</source>
        <translation>由 {user} 于 {time} 入库</translation>
    </message>
    <message>
        <source>{signer}, {time}, certificate {fingerprint}…</source>
        <translation>{signer}，{time}，证书 {fingerprint}…</translation>
    </message>
    <message>
        <source>(key revoked {time})</source>
        <translation>（签名密钥已于 {time} 吊销）</translation>
    </message>
    <message>
        <source>Not sealed</source>
        <translation>未签章</translation>
    </message>
    <message>
        <source>Taken in here</source>
        <translation>本机构入库</translation>
    </message>
</context>
<context>
    <name>KeysSection</name>
    <message>
        <source>Signing keys</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>Revoked (when, by whom, why)</source>
        <translation>吊销（时间、吊销人、理由）</translation>
    </message>
    <message>
        <source>&amp;Create Key…</source>
        <translation>生成签名密钥(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import PKCS#12…</source>
        <translation>导入 PKCS#12(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport Certificate…</source>
        <translation>导出证书(&amp;X)…</translation>
    </message>
    <message>
        <source>Copy &amp;Fingerprint</source>
        <translation>复制指纹(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>吊销(&amp;V)…</translation>
    </message>
    <message>
        <source>This window signs with your key {fingerprint}.</source>
        <translation>本窗口使用您的签名密钥 {fingerprint} 签章。</translation>
    </message>
    <message>
        <source>This window has no signing key: sealing evidence needs one. Create a key, or import one a certification authority issued you (PKCS#12).</source>
        <translation>本窗口没有签名密钥，无法为证据签章。请生成签名密钥，或导入电子认证服务机构为您签发的签名密钥（PKCS#12）。</translation>
    </message>
    <message>
        <source>As an administrator you see every user&apos;s keys and may revoke any of them.</source>
        <translation>您是管理员，可查看所有用户的签名密钥，并可吊销其中任何一个。</translation>
    </message>
    <message>
        <source>{shortcut} or the context menu copies the whole fingerprint.</source>
        <translation>按 {shortcut} 或用右键菜单可复制完整指纹。</translation>
    </message>
    <message>
        <source>{time} by {user}: {reason}</source>
        <translation>{time} 由 {user} 吊销：{reason}</translation>
    </message>
    <message>
        <source>(no reason recorded)</source>
        <translation>（未记录理由）</translation>
    </message>
    <message>
        <source>Certificate for {subject}, issued by {issuer}</source>
        <translation>证书持有者 {subject}，签发者 {issuer}</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 file</source>
        <translation>选择 PKCS#12 文件</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Signing key {fingerprint} is ready: this window signs with it from now on.</source>
        <translation>签名密钥 {fingerprint} 已就绪：本窗口即刻起使用它签章。</translation>
    </message>
    <message>
        <source>Signing key {fingerprint} was stored, but it cannot sign yet.</source>
        <translation>签名密钥 {fingerprint} 已保存，但暂时不能用于签章。</translation>
    </message>
    <message>
        <source>Copied the fingerprint {fingerprint}.</source>
        <translation>已复制指纹 {fingerprint}。</translation>
    </message>
    <message>
        <source>Export the certificate of {owner}&apos;s key</source>
        <translation>导出 {owner} 的签名密钥证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Wrote the certificate to {path}</source>
        <translation>证书已保存至 {path}</translation>
    </message>
    <message>
        <source>Revoked the signing key {fingerprint} of {owner}.</source>
        <translation>已吊销 {owner} 的签名密钥 {fingerprint}。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
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
        <source>Event code</source>
        <translation>事件代码</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Subject as recorded</source>
        <translation>对象（原始记录）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Minutes entry {seq} ({sitting})</source>
        <translation>笔录第{seq}条（{sitting}）</translation>
    </message>
    <message>
        <source>Addendum to minutes entry {seq} ({sitting})</source>
        <translation>笔录第{seq}条的补正（{sitting}）</translation>
    </message>
    <message>
        <source>Investigation record ({sitting})</source>
        <translation>调查记录（{sitting}）</translation>
    </message>
    <message>
        <source>Minutes ({sitting})</source>
        <translation>调解记录（{sitting}）</translation>
    </message>
    <message>
        <source>Signature of {name} on the addendum to minutes entry {seq} ({sitting})</source>
        <translation>{name}在笔录第{seq}条的补正上的签名（{sitting}）</translation>
    </message>
    <message>
        <source>Signature of {name} on the investigation record ({sitting})</source>
        <translation>{name}在调查记录上的签名（{sitting}）</translation>
    </message>
    <message>
        <source>Signature of {name} on the minutes ({sitting})</source>
        <translation>{name}在调解记录上的签名（{sitting}）</translation>
    </message>
    <message>
        <source>{kind} {number} (not found)</source>
        <translation>{kind} {number}（未找到）</translation>
    </message>
    <message>
        <source>Case file {case}</source>
        <translation>卷宗{case}</translation>
    </message>
    <message>
        <source>{sitting} ({case})</source>
        <translation>{sitting}（{case}）</translation>
    </message>
    <message>
        <source>{kind} {number} {case}</source>
        <translation>{kind} {number}（{case}）</translation>
    </message>
    <message>
        <source>{kind} {name} ({case})</source>
        <translation>{kind} {name}（{case}）</translation>
    </message>
    <message>
        <source>{kind} {case}</source>
        <translation>{kind}{case}</translation>
    </message>
    <message>
        <source>A user name that cannot be one</source>
        <translation>无效的用户名</translation>
    </message>
    <message>
        <source>{kind} {key}… held by {holder}</source>
        <translation>{kind} {key}…，持有人 {holder}</translation>
    </message>
    <message>
        <source>Office name and case-number prefix</source>
        <translation>本机构名称和案件编号前缀</translation>
    </message>
    <message>
        <source>Office settings</source>
        <translation>本机构设置</translation>
    </message>
    <message>
        <source>{raw}, case {case}</source>
        <translation>{raw}，案件{case}</translation>
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
        <source>Signing a checkpoint</source>
        <translation>正在签署检查点</translation>
    </message>
    <message>
        <source>Verifying the ledger and the evidence…</source>
        <translation>正在核验存证日志和证据…</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>No one signed in</source>
        <translation>无人登录（系统）</translation>
    </message>
    <message>
        <source>Case number, file name or user</source>
        <translation>案号、文件名或用户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the entries shown (with these filters) as a CSV file for a spreadsheet</source>
        <translation>将当前筛选出的条目另存为 CSV 文件（可用电子表格打开）</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Export Ledger Entries</source>
        <translation>导出存证日志条目</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{count} entries saved to {path}</source>
        <translation>已将 {count} 条保存到 {path}</translation>
    </message>
    <message>
        <source>Exporting ledger entries…</source>
        <translation>正在导出存证日志条目…</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
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
        <source>Verification cancelled.</source>
        <translation>核验已取消。</translation>
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
        <source>Unconfirmed text was kept in the minutes of {count} sitting(s): open one to restore it.</source>
        <translation>{count}次调解会的笔录中有未确认的内容已暂存：打开即可恢复。</translation>
    </message>
    <message>
        <source>Signed in: {user}</source>
        <translation>当前用户：{user}</translation>
    </message>
    <message>
        <source>Under way:</source>
        <translation>正在进行：</translation>
    </message>
    <message>
        <source>Wait for It</source>
        <translation>等待完成</translation>
    </message>
    <message>
        <source>Cancel the Work</source>
        <translation>取消这些工作</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Cancelling the work under way…</source>
        <translation>正在取消进行中的工作…</translation>
    </message>
    <message>
        <source>Waiting for the work under way to finish…</source>
        <translation>正在等待进行中的工作完成…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>正在退出登录…</translation>
    </message>
    <message>
        <source>Lock the window</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <source>Work is under way. Wait for it to finish before the window locks, or cancel it?</source>
        <translation>仍有工作正在进行。是等待其完成后再锁定窗口，还是取消这些工作？</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Work is under way. Wait for it to finish before you are signed out, or cancel it?</source>
        <translation>仍有工作正在进行。是等待其完成后再退出登录，还是取消这些工作？</translation>
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
        <source>Change &amp;Password…</source>
        <translation>修改密码(&amp;P)…</translation>
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
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
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
        <source>&amp;Verify a Document…</source>
        <translation>核验文书(&amp;V)…</translation>
    </message>
    <message>
        <source>Verify a Court &amp;Package…</source>
        <translation>核验证据包(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Close Mediseal</source>
        <translation>关闭 Mediseal</translation>
    </message>
    <message>
        <source>Work is under way. Closing signs you out: wait for the work to finish, or cancel it?</source>
        <translation>仍有工作正在进行。关闭窗口将退出登录：是等待其完成，还是取消这些工作？</translation>
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
    <name>MinutesEditor</name>
    <message>
        <source>← Back to the &amp;List</source>
        <translation>← 返回列表(&amp;L)</translation>
    </message>
    <message>
        <source>Search the case&apos;s minutes</source>
        <translation>搜索本案笔录</translation>
    </message>
    <message>
        <source>Close and Seal…</source>
        <translation>结束并签章…</translation>
    </message>
    <message>
        <source>&amp;Restore the Unconfirmed Text</source>
        <translation>恢复未确认的内容(&amp;R)</translation>
    </message>
    <message>
        <source>Discard It</source>
        <translation>不再保留</translation>
    </message>
    <message>
        <source>Spea&amp;ker:</source>
        <translation>发言人(&amp;K)：</translation>
    </message>
    <message>
        <source>Type what is said. Enter confirms, Shift+Enter breaks the line, Ctrl+1…9 choose the speaker.</source>
        <translation>录入发言内容。Enter 确认，Shift+Enter 换行，Ctrl+1…9 选择发言人。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录要点</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>签章</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Rights and obligations explained</source>
        <translation>已告知权利义务</translation>
    </message>
    <message>
        <source>Save &amp;Notes</source>
        <translation>保存要点(&amp;N)</translation>
    </message>
    <message>
        <source>Risk warning given:</source>
        <translation>风险提示：</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>调解员意见：</translation>
    </message>
    <message>
        <source>Result (or why it failed):</source>
        <translation>调解结果（或未达成协议的原因）：</translation>
    </message>
    <message>
        <source>Add a &amp;Correction (Addendum)…</source>
        <translation>补正（补充记录）(&amp;C)…</translation>
    </message>
    <message>
        <source>Record a Si&amp;gning…</source>
        <translation>登记签名(&amp;G)…</translation>
    </message>
    <message>
        <source>Record that a person signed the printed minutes</source>
        <translation>登记某人已在打印的笔录上签名</translation>
    </message>
    <message>
        <source>Type in the search box above and press Enter.</source>
        <translation>在上方搜索框中输入并按 Enter。</translation>
    </message>
    <message>
        <source>Reading the sitting…</source>
        <translation>正在读取调解会…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>{kind} {time}, {place}: {matter} ({state})</source>
        <translation>{kind} {time}，{place}：{matter}（{state}）</translation>
    </message>
    <message>
        <source>Sealed: read only.</source>
        <translation>已签章：只读。</translation>
    </message>
    <message>
        <source>Sealed: read only. A correction is an addendum.</source>
        <translation>已签章：只读。更正须以补充记录为之。</translation>
    </message>
    <message>
        <source>Read only: {reason}</source>
        <translation>只读：{reason}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>(unconfirmed text kept at {time})</source>
        <translation>（未确认的内容已于{time}暂存）</translation>
    </message>
    <message>
        <source>the unconfirmed text could not be kept: {reason}</source>
        <translation>未确认的内容未能暂存：{reason}</translation>
    </message>
    <message>
        <source>Unconfirmed text from {time} was kept ({speaker}): “{text}”</source>
        <translation>{time}暂存的未确认内容（{speaker}）：“{text}”</translation>
    </message>
    <message>
        <source>Changed, not saved yet.</source>
        <translation>已修改，尚未保存。</translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation>要点已保存。</translation>
    </message>
    <message>
        <source>Your text is kept here: copy what you need, then reopen the sitting.</source>
        <translation>您的内容仍保留在此：复制所需内容后重新打开该调解会。</translation>
    </message>
    <message>
        <source>Wait until every entry is saved, and save the notes, before sealing.</source>
        <translation>请等所有条目保存完毕并保存要点后再签章。</translation>
    </message>
    <message>
        <source>Minutes sealed by {signer} at {time}</source>
        <translation>笔录由{signer}于{time}签章</translation>
    </message>
    <message>
        <source>Addendum to entry {seq}, sealed by {signer} at {time}</source>
        <translation>第{seq}条的补充记录，由{signer}于{time}签章</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Key: {fingerprint}</source>
        <translation>签名密钥：{fingerprint}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
    <message>
        <source>Corrected text: {text}</source>
        <translation>更正后的内容：{text}</translation>
    </message>
    <message>
        <source>Signed by {name} ({role}) at {time}</source>
        <translation>{name}（{role}）于{time}签名</translation>
    </message>
    <message>
        <source>No signing of the printed copy recorded yet.</source>
        <translation>尚未登记打印件的签名。</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到{count}条</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>yuan, e.g. 30000.00</source>
        <translation>元，例如 30000.00</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Case Progress</source>
        <translation>案件进程</translation>
    </message>
    <message>
        <source>Move case {number} from “{current}” to “{target}”?</source>
        <translation>将案件{number}由“{current}”变更为“{target}”？</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>理由（必填）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>Register a Case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ObligationDialog</name>
    <message>
        <source>Add an Obligation to {number}</source>
        <translation>为{number}添加履行事项</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Add Instalment</source>
        <translation>添加分期</translation>
    </message>
    <message>
        <source>Remove Instalment</source>
        <translation>删除分期</translation>
    </message>
    <message>
        <source>Obliged party:</source>
        <translation>履行义务人：</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>履行事项：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>具体内容：</translation>
    </message>
    <message>
        <source>Sum (yuan, payments):</source>
        <translation>金额（元，支付款项时填写）：</translation>
    </message>
    <message>
        <source>Due date (without instalments):</source>
        <translation>履行期限（不分期时）：</translation>
    </message>
    <message>
        <source>Instalments:</source>
        <translation>分期：</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>您的机构</translation>
    </message>
    <message>
        <source>Mediseal records which mediation centre or notary office this data folder belongs to. The name appears on documents; each kind of matter is numbered in its own series, a prefix and a word (代字) before 字.</source>
        <translation>Mediseal 需要记录此数据文件夹所属的调解中心或公证处。名称将出现在文书上；每类事项各有一套编号，“字”之前为编号前缀和代字。</translation>
    </message>
    <message>
        <source>e.g. Kunming IP Dispute Mediation Centre</source>
        <translation>例如：昆明市知识产权纠纷调解中心</translation>
    </message>
    <message>
        <source>Leave the notarial prefix empty if the office takes no notarial matters; an administrator can set it later in Settings.</source>
        <translation>本机构不办理公证事项的，公证事项编号前缀留空即可；管理员以后可在“设置”中填写。</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>机构名称：</translation>
    </message>
    <message>
        <source>Mediation cases:</source>
        <translation>调解案件：</translation>
    </message>
    <message>
        <source>Notarial matters:</source>
        <translation>公证事项：</translation>
    </message>
</context>
<context>
    <name>OfficeSection</name>
    <message>
        <source>Office (every workstation)</source>
        <translation>本机构（所有工作站）</translation>
    </message>
    <message>
        <source>&amp;Change Office…</source>
        <translation>更改机构信息(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Timestamps…</source>
        <translation>时间戳(&amp;T)…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>机构名称：</translation>
    </message>
    <message>
        <source>Mediation cases:</source>
        <translation>调解案件：</translation>
    </message>
    <message>
        <source>Notarial matters:</source>
        <translation>公证事项：</translation>
    </message>
    <message>
        <source>Applies to every workstation of the office; each change is recorded in the ledger. Numbers already given keep their prefix.</source>
        <translation>适用于本机构的所有工作站；每次更改都记入存证日志。已编定的编号保持原前缀不变。</translation>
    </message>
    <message>
        <source>Record the office as “{name}”? New mediation cases get numbers like {mediation}; notarial matters are not numbered. Numbers already given do not change. The change is recorded in the ledger.</source>
        <translation>将本机构登记为“{name}”？此后受理的调解案件编号形如 {mediation}；公证事项编号未设置。已编定的编号不变。此次更改将记入存证日志。</translation>
    </message>
    <message>
        <source>Record the office as “{name}”? New mediation cases get numbers like {mediation}, new notarial matters numbers like {notarial}. Numbers already given do not change. The change is recorded in the ledger.</source>
        <translation>将本机构登记为“{name}”？此后受理的调解案件编号形如 {mediation}，公证事项编号形如 {notarial}。已编定的编号不变。此次更改将记入存证日志。</translation>
    </message>
    <message>
        <source>Lock the window after this long without use:</source>
        <translation>无操作多久后锁定窗口：</translation>
    </message>
    <message>
        <source>Set for the whole office by an administrator.</source>
        <translation>由管理员为整个机构统一设置。</translation>
    </message>
    <message>
        <source>Change the office</source>
        <translation>更改机构信息</translation>
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
    <name>OpWaiter</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancel the Work</source>
        <translation>取消这些工作</translation>
    </message>
    <message>
        <source>Cancelling the work under way…</source>
        <translation>正在取消进行中的工作…</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record the Outcome of {number}</source>
        <translation>登记{number}的调解结果</translation>
    </message>
    <message>
        <source>{name} ({role}) signed on</source>
        <translation>{name}（{role}）签名日期</translation>
    </message>
    <message>
        <source>The mediator signed on:</source>
        <translation>调解员签名日期：</translation>
    </message>
    <message>
        <source>Date of effect (empty: the last signature):</source>
        <translation>生效日期（留空：最后签名之日）：</translation>
    </message>
    <message>
        <source>A written agreement takes effect once the parties and the mediator have signed it (People&apos;s Mediation Law art. 29).</source>
        <translation>调解协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《人民调解法》第二十九条）。</translation>
    </message>
    <message>
        <source>Content of the agreement:</source>
        <translation>协议内容：</translation>
    </message>
    <message>
        <source>Reached on:</source>
        <translation>达成日期：</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>理由（必填）：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>调解结果：</translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <source>No outcome recorded yet.</source>
        <translation>尚未登记调解结果。</translation>
    </message>
    <message>
        <source>Record Outcome…</source>
        <translation>登记调解结果…</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>履行事项</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add Obligation…</source>
        <translation>添加履行事项…</translation>
    </message>
    <message>
        <source>Record Performance…</source>
        <translation>登记履行情况…</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>履行日期</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>履行事项</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>履行内容</translation>
    </message>
    <message>
        <source>Proof items</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>履行</translation>
    </message>
    <message>
        <source>Performance recorded:</source>
        <translation>已登记的履行情况：</translation>
    </message>
    <message>
        <source>{kind}: {details}</source>
        <translation>{kind}：{details}</translation>
    </message>
    <message>
        <source>Instalment {seq}</source>
        <translation>第{seq}期</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>In effect from {day}</source>
        <translation>自 {day} 起生效</translation>
    </message>
    <message>
        <source>Signed by: {names}</source>
        <translation>签名：{names}</translation>
    </message>
    <message>
        <source>Content: {content}</source>
        <translation>内容：{content}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
    <message>
        <source>Corrects outcome {id}: {reason}</source>
        <translation>更正调解结果 {id}：{reason}</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Details</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>案件编号：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Foreign-related:</source>
        <translation>涉外情况：</translation>
    </message>
    <message>
        <source>Kind of dispute:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>案件名称：</translation>
    </message>
    <message>
        <source>Account of the dispute:</source>
        <translation>纠纷简要情况：</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>申请事项：</translation>
    </message>
    <message>
        <source>Amount claimed:</source>
        <translation>请求金额：</translation>
    </message>
    <message>
        <source>Date received:</source>
        <translation>收案日期：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>案件来源：</translation>
    </message>
    <message>
        <source>Court and its case number:</source>
        <translation>委派/委托法院及案号：</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>调解期限：</translation>
    </message>
    <message>
        <source>Cited notarial matter:</source>
        <translation>引用的公证事项：</translation>
    </message>
    <message>
        <source>Edit Details…</source>
        <translation>修改案件信息…</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Assign Mediator…</source>
        <translation>指派调解员…</translation>
    </message>
    <message>
        <source>Case Progress</source>
        <translation>案件进程</translation>
    </message>
    <message>
        <source>{type} ({patent_kind})</source>
        <translation>{type}（{patent_kind}）</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days}日</translation>
    </message>
    <message>
        <source>No deadline runs now.</source>
        <translation>目前没有正在计算的期限。</translation>
    </message>
    <message>
        <source>conflict of interest declared: {text}</source>
        <translation>回避声明：存在利害关系（{text}）</translation>
    </message>
    <message>
        <source>declared no conflict of interest</source>
        <translation>回避声明：无利害关系，无需回避</translation>
    </message>
    <message>
        <source>{who} — {declared}</source>
        <translation>{who} — {declared}</translation>
    </message>
    <message>
        <source>No mediator assigned yet.</source>
        <translation>尚未指派调解员。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <source>A notarial matter does not follow the mediation workflow.</source>
        <translation>公证事项不适用调解流程。</translation>
    </message>
    <message>
        <source>The mediation ends by recording its outcome (an agreement, failure or withdrawal) on the Outcome and Performance tab.</source>
        <translation>调解以登记调解结果结束（达成协议、调解不成或撤回）：请在“调解结果及履行”标签页登记。</translation>
    </message>
    <message>
        <source>The case is closed and archived.</source>
        <translation>本案已结案归档。</translation>
    </message>
    <message>
        <source>Moves allowed now: choose one to record it.</source>
        <translation>当前可进行的操作：选择一项予以记录。</translation>
    </message>
    <message>
        <source>{time}  {from_status} → {to_status}  ({who})</source>
        <translation>{time}  {from_status} → {to_status}（{who}）</translation>
    </message>
    <message>
        <source>; date of effect {day}</source>
        <translation>；生效日期 {day}</translation>
    </message>
    <message>
        <source>; reason: {reason}</source>
        <translation>；理由：{reason}</translation>
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
        <source>Sittings</source>
        <translation>调解会日程</translation>
    </message>
    <message>
        <source>Upcoming sittings across your cases, and minutes with text not confirmed yet.</source>
        <translation>您所办案件的近期调解会，以及有未确认内容的笔录。</translation>
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
    <name>PartiesView</name>
    <message>
        <source>Role</source>
        <translation>当事人身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名或名称</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Add Party…</source>
        <translation>添加当事人…</translation>
    </message>
    <message>
        <source>Add Agent…</source>
        <translation>添加委托代理人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Version History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>{role} ({count})</source>
        <translation>{role}（{count}）</translation>
    </message>
    <message>
        <source>Agent ({kind})</source>
        <translation>委托代理人（{kind}）</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Add Party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>Edit Party {name}</source>
        <translation>修改当事人：{name}</translation>
    </message>
    <message>
        <source>Add Agent</source>
        <translation>添加委托代理人</translation>
    </message>
    <message>
        <source>Edit Agent {name}</source>
        <translation>修改委托代理人：{name}</translation>
    </message>
    <message>
        <source>Agent of {role} {name}</source>
        <translation>{role}{name}的委托代理人</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>Role:</source>
        <translation>当事人身份：</translation>
    </message>
</context>
<context>
    <name>PartyForm</name>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>法人或非法人组织</translation>
    </message>
    <message>
        <source>Foreign organisation</source>
        <translation>外国企业或组织</translation>
    </message>
    <message>
        <source>e.g. USA, JPN, DEU</source>
        <translation>如 USA、JPN、DEU</translation>
    </message>
    <message>
        <source>Service address (confirmed by the party)</source>
        <translation>送达地址（当事人确认）</translation>
    </message>
    <message>
        <source>Agrees to electronic service</source>
        <translation>同意电子送达</translation>
    </message>
    <message>
        <source>Kind of party:</source>
        <translation>当事人类型：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Identity document:</source>
        <translation>证件类型：</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>国籍：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Ethnic group:</source>
        <translation>民族：</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>Occupation or post:</source>
        <translation>职业或职务：</translation>
    </message>
    <message>
        <source>Address or work unit:</source>
        <translation>住所或工作单位：</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Registration number:</source>
        <translation>注册号：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家或地区：</translation>
    </message>
    <message>
        <source>Domicile:</source>
        <translation>住所：</translation>
    </message>
    <message>
        <source>Legal representative or person in charge:</source>
        <translation>法定代表人或主要负责人：</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>送达地址：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>邮政编码：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Name of the organisation:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Your signing keys are re-encrypted under the new password; you stay signed in.</source>
        <translation>您的签名密钥将改用新密码加密保护；您无需重新登录。</translation>
    </message>
    <message>
        <source>Resetting the password of {user} revokes their signing keys: the seals they made stay valid, but they need a new key to seal again. Give them the new password in person.</source>
        <translation>重置 {user} 的密码将吊销其签名密钥：其已加盖的签章仍然有效，但须生成新的签名密钥才能再次签章。请当面告知其新密码。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Reset Password and Revoke Keys</source>
        <translation>重置密码并吊销签名密钥</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>No document to show.</source>
        <translation>没有可显示的文书。</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the page to the width</source>
        <translation>页面适合窗口宽度</translation>
    </message>
    <message>
        <source>The PDF could not be opened.</source>
        <translation>无法打开该 PDF。</translation>
    </message>
    <message>
        <source>{count} page(s)</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>{real_name} ({name})</source>
        <translation>{real_name}（{name}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PreservationDialog</name>
    <message>
        <source>Preservation record for {case}</source>
        <translation>{case}的保全证据记录</translation>
    </message>
    <message>
        <source>What was done, step by step: the device was checked clean, the address typed, the pages captured…</source>
        <translation>逐步写明操作过程：对设备进行清洁性检查、输入网址、截取网页……</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>已知：</translation>
    </message>
    <message>
        <source>Nothing: this is a new record</source>
        <translation>无：这是一份新记录</translation>
    </message>
    <message>
        <source>Record {id}, sealed by {signer} at {time}</source>
        <translation>记录 {id}，{signer} 于 {time} 签章</translation>
    </message>
    <message>
        <source>What the corrected record got wrong, and what this one puts right</source>
        <translation>被更正的记录哪里有误，本记录如何更正</translation>
    </message>
    <message>
        <source>The record is sealed with your signing key when you press Seal Record. It cannot be changed afterwards; a mistake is put right by a new record that corrects this one.</source>
        <translation>按下“签章并保存”后，记录将以您的签名密钥签章，此后不可更改；如有错误，须另作一份更正本记录的新记录。</translation>
    </message>
    <message>
        <source>Corrects:</source>
        <translation>更正：</translation>
    </message>
    <message>
        <source>Reason for the correction:</source>
        <translation>更正理由：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <source>Witnesses:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <source>Started at:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Ended at:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>操作步骤：</translation>
    </message>
    <message>
        <source>Devices and software:</source>
        <translation>设备和软件：</translation>
    </message>
    <message>
        <source>Evidence items:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Seal Record</source>
        <translation>签章并保存</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>The record covers {count} of {total} item(s).</source>
        <translation>本记录涵盖 {total} 份证据中的 {count} 份。</translation>
    </message>
    <message>
        <source>Preservation record</source>
        <translation>保全证据记录</translation>
    </message>
    <message>
        <source>Discard this record?</source>
        <translation>放弃这份记录吗？</translation>
    </message>
    <message>
        <source>What you typed has not been sealed and will be lost.</source>
        <translation>已填写的内容尚未签章，放弃后将会丢失。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>Sealing a preservation record</source>
        <translation>正在为保全证据记录签章</translation>
    </message>
</context>
<context>
    <name>PreservationList</name>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Sealed by</source>
        <translation>签章人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>被更正于</translation>
    </message>
    <message>
        <source>No preservation record for this case yet.</source>
        <translation>本案尚无保全证据记录。</translation>
    </message>
    <message>
        <source>Preservation record {id} of case {case}</source>
        <translation>案件{case}的第 {id} 号保全证据记录</translation>
    </message>
    <message>
        <source>Sealed by {signer} at {time}; record SHA-256 {digest}</source>
        <translation>{signer} 于 {time} 签章；记录 SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Place: {value}</source>
        <translation>地点：{value}</translation>
    </message>
    <message>
        <source>Applicant: {value}</source>
        <translation>申请人：{value}</translation>
    </message>
    <message>
        <source>Operator: {value}</source>
        <translation>操作人：{value}</translation>
    </message>
    <message>
        <source>Witnesses: {value}</source>
        <translation>见证人：{value}</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>自 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Devices and software: {value}</source>
        <translation>设备和软件：{value}</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>操作步骤：</translation>
    </message>
    <message>
        <source>Evidence items:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Corrects record {id}.</source>
        <translation>更正第 {id} 号记录。</translation>
    </message>
    <message>
        <source>Reason for the correction: {reason}</source>
        <translation>更正理由：{reason}</translation>
    </message>
    <message>
        <source>Corrected by record {id}.</source>
        <translation>已被第 {id} 号记录更正。</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>{type}, {size}</source>
        <translation>{type}，大小 {size}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>Too large to preview here ({size}). Use Save a Copy… to open it with another program.</source>
        <translation>文件过大，无法在此预览（{size}）。请用“另存副本…”保存后以其他程序打开。</translation>
    </message>
    <message>
        <source>No preview for this type of file ({type}, {size}). Use Save a Copy… to open it with another program.</source>
        <translation>此类文件无法预览（{type}，{size}）。请用“另存副本…”保存后以其他程序打开。</translation>
    </message>
    <message>
        <source>The image could not be decoded.</source>
        <translation>无法解码该图像。</translation>
    </message>
    <message>
        <source>{type}, {size}, {width} × {height} pixels</source>
        <translation>{type}，{size}，{width} × {height} 像素</translation>
    </message>
    <message>
        <source>{type}, {size}; showing the first {shown}.</source>
        <translation>{type}，{size}；仅显示前 {shown}。</translation>
    </message>
    <message>
        <source>The PDF could not be opened.</source>
        <translation>无法打开该 PDF。</translation>
    </message>
    <message>
        <source>{type}, {size}, {pages} pages</source>
        <translation>{type}，{size}，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Before it can be finalised ({count}):</source>
        <translation>定稿前须改正（{count} 项）：</translation>
    </message>
    <message>
        <source>Nothing stops finalising: every required field is filled.</source>
        <translation>必填项均已填写，可以定稿。</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProofExport</name>
    <message>
        <source>Export the proofs of {count} item(s) into a folder</source>
        <translation>将 {count} 份证据的证明文件导出到文件夹</translation>
    </message>
    <message>
        <source>Exported the proofs of {items} item(s): {files} files in {folder}</source>
        <translation>已导出 {items} 份证据的证明文件：共 {files} 个文件，位于 {folder}</translation>
    </message>
    <message>
        <source>Exporting the proofs of {count} item(s)…</source>
        <translation>正在导出 {count} 份证据的证明文件…</translation>
    </message>
    <message>
        <source>Proofs exported</source>
        <translation>证明文件已导出</translation>
    </message>
    <message>
        <source>Each item&apos;s proof is in a folder of its own; its README.txt tells how to check it with OpenSSL, without Mediseal.</source>
        <translation>每份证据的证明文件各在一个文件夹中；其中的 README.txt 说明如何不借助 Mediseal、仅用 OpenSSL 进行核验。</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>A checkpoint is needed</source>
        <translation>需要先签署检查点</translation>
    </message>
    <message>
        <source>A proof shows that the ledger holds the item&apos;s entries under a checkpoint signed by a signing key. You can sign a checkpoint now with yours, then the proofs are exported.</source>
        <translation>证明文件表明：该证据在存证日志中的记录位于一个以签名密钥签署的检查点之下。您现在可以用自己的签名密钥签署检查点，随后即导出证明文件。</translation>
    </message>
    <message>
        <source>Sign a Checkpoint and Export</source>
        <translation>签署检查点并导出</translation>
    </message>
    <message>
        <source>Signing a checkpoint</source>
        <translation>正在签署检查点</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Load Theirs</source>
        <translation>载入对方版本</translation>
    </message>
    <message>
        <source>Everything you typed is still here. Load Theirs shows the version saved meanwhile; you can come back to yours and save it over theirs.</source>
        <translation>您录入的内容都还在。点击“载入对方版本”可查看他人刚保存的版本；也可回到您的修改，在其基础上保存。</translation>
    </message>
    <message>
        <source>Showing the version saved meanwhile (version {version}). Save keeps it with any changes you make here.</source>
        <translation>正在显示他人保存的版本（第{version}版）。保存将记录此版本及您在此所作的修改。</translation>
    </message>
    <message>
        <source>Showing your edit. Save records it as the version after version {version}.</source>
        <translation>正在显示您的修改。保存后将成为第{version}版之后的新版本。</translation>
    </message>
    <message>
        <source>Back to My Edit</source>
        <translation>回到我的修改</translation>
    </message>
    <message>
        <source>Discard the changes you typed?</source>
        <translation>放弃您录入的修改吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Foreign-related</source>
        <translation>涉外</translation>
    </message>
    <message>
        <source>A party is foreign, or from Hong Kong, Macao or Taiwan</source>
        <translation>有外国当事人，或有香港、澳门、台湾地区的当事人（涉外/涉港澳台）</translation>
    </message>
    <message>
        <source>{day} (overdue by {days} days)</source>
        <translation>{day}（已逾期{days}日）</translation>
    </message>
    <message>
        <source>{day} (overdue by 1 day)</source>
        <translation>{day}（已逾期1日）</translation>
    </message>
    <message>
        <source>{day} (due today)</source>
        <translation>{day}（今日届满，期限将至）</translation>
    </message>
    <message>
        <source>{day} (1 day left, due soon)</source>
        <translation>{day}（剩余1日，期限将至）</translation>
    </message>
    <message>
        <source>{day} ({days} days left, due soon)</source>
        <translation>{day}（剩余{days}日，期限将至）</translation>
    </message>
    <message>
        <source>{day} ({days} days left)</source>
        <translation>{day}（剩余{days}日）</translation>
    </message>
    <message>
        <source>Foreign</source>
        <translation>涉外</translation>
    </message>
</context>
<context>
    <name>RequestList</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The backup is checked in full first (every file against its manifest); a damaged one is refused and nothing is written. It is restored into a new or empty folder, never into the data folder in use; you then open that folder with Mediseal.</source>
        <translation>先完整检查备份（每个文件与清单核对）；已损坏的备份会被拒绝，不写入任何内容。备份恢复到一个新的或空的文件夹，绝不覆盖正在使用的数据文件夹；之后用 Mediseal 打开该文件夹。</translation>
    </message>
    <message>
        <source>The backup archive (a zip)</source>
        <translation>备份归档（zip 文件）</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>新的或空的文件夹</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>选择(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>备份(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Into the folder:</source>
        <translation>恢复到文件夹(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Choose the Backup to Restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Zip archives (*.zip);;All files (*)</source>
        <translation>Zip 归档 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a New or Empty Folder</source>
        <translation>选择新的或空的文件夹</translation>
    </message>
    <message>
        <source>That is the data folder in use: choose a new or empty folder.</source>
        <translation>这是正在使用的数据文件夹：请选择新的或空的文件夹。</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>正在从备份恢复</translation>
    </message>
    <message>
        <source>Restored into {folder}: {files} files ({size}), {blobs} evidence files; the ledger has {ledger_size} entries and the root the backup recorded (made with Mediseal {version}).
To work in it, start Mediseal with:
    mediseal --data-dir &quot;{folder}&quot;
and run a verification (mediseal verify --data-dir &quot;{folder}&quot;).</source>
        <translation>已恢复到 {folder}：共 {files} 个文件（{size}），证据文件 {blobs} 个；存证日志 {ledger_size} 条，根哈希与备份记录一致（备份由 Mediseal {version} 制作）。
如需在其中工作，请这样启动 Mediseal：
    mediseal --data-dir &quot;{folder}&quot;
并运行一次核验（mediseal verify --data-dir &quot;{folder}&quot;）。</translation>
    </message>
</context>
<context>
    <name>RevokeKeyDialog</name>
    <message>
        <source>Revoke the signing key {fingerprint} of {owner}? It will sign nothing new; what it sealed before stays valid and verifiable. A revocation cannot be undone.</source>
        <translation>吊销 {owner} 的签名密钥 {fingerprint}？吊销后不能再用于签章；此前加盖的签章仍然有效、可以核验。吊销不可撤回。</translation>
    </message>
    <message>
        <source>This is the key this window signs with: sealing stops at once, until you create or import another key.</source>
        <translation>本窗口正使用这个签名密钥签章：吊销后立即无法签章，直到您生成或导入新的签名密钥。</translation>
    </message>
    <message>
        <source>Revoke Signing Key</source>
        <translation>吊销签名密钥</translation>
    </message>
    <message>
        <source>Revoke Key</source>
        <translation>吊销签名密钥</translation>
    </message>
    <message>
        <source>e.g. the key file was lost; the notary left the office</source>
        <translation>例如：私钥文件遗失；公证员已离职</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>理由（必填）：</translation>
    </message>
    <message>
        <source>Give the reason for the revocation: it is kept in the ledger.</source>
        <translation>请填写吊销理由：理由将记入存证日志。</translation>
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
    <name>SealDialog</name>
    <message>
        <source>Close and Seal the Minutes</source>
        <translation>结束调解会并签章笔录</translation>
    </message>
    <message>
        <source>Close and &amp;Seal</source>
        <translation>结束并签章(&amp;S)</translation>
    </message>
    <message>
        <source>Seal the minutes of this sitting ({count} entries) with your signing key? The seal is your digital signature over the whole record. It is permanent: afterwards no entry can be changed; a correction is an addendum, sealed in turn.</source>
        <translation>用您的签名密钥对本次调解会的笔录（共{count}条）签章？签章是您对整份记录的数字签名，不可撤销：此后任何条目均不能修改，更正须以补充记录为之，并另行签章。</translation>
    </message>
    <message>
        <source>The entry box still holds text that is not confirmed: it will not be part of the sealed minutes.</source>
        <translation>录入框中仍有未确认的内容：它不会记入签章的笔录。</translation>
    </message>
    <message>
        <source>The sitting was:</source>
        <translation>本次调解会：</translation>
    </message>
</context>
<context>
    <name>SeriesRow</name>
    <message>
        <source>e.g. 云知</source>
        <translation>例如 云知</translation>
    </message>
    <message>
        <source>e.g. 云昆</source>
        <translation>例如 云昆</translation>
    </message>
    <message>
        <source>Example: {number}</source>
        <translation>示例：{number}</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>编号前缀</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>代字</translation>
    </message>
    <message>
        <source>The text before the word, as 云知 in 云知调字: usually the province&apos;s short name and the office&apos;s own character.</source>
        <translation>代字之前的部分，如“云知调字”中的“云知”：通常为省（区、市）简称加本机构的简称。</translation>
    </message>
    <message>
        <source>The word (代字) of this kind of matter, as 调 in 云知调字 or 证 in 云昆证字.</source>
        <translation>此类事项的代字，如“云知调字”中的“调”、“云昆证字”中的“证”。</translation>
    </message>
    <message>
        <source>Not used: no notarial matters are numbered</source>
        <translation>未设置：公证事项暂不编号</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Mediseal</source>
        <translation>设置 Mediseal</translation>
    </message>
    <message>
        <source>Setting up the office</source>
        <translation>正在设置机构</translation>
    </message>
    <message>
        <source>Recording the office and the administrator…</source>
        <translation>正在记录机构和管理员…</translation>
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
    <message>
        <source>Opening the data folder…</source>
        <translation>正在打开数据文件夹…</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Record a Signing of the Printed Minutes</source>
        <translation>登记打印笔录的签名</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>The minutes</source>
        <translation>笔录</translation>
    </message>
    <message>
        <source>Addendum to entry {seq}</source>
        <translation>第{seq}条的补充记录</translation>
    </message>
    <message>
        <source>Signed &amp;document:</source>
        <translation>签名的文书(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>身份(&amp;O)：</translation>
    </message>
    <message>
        <source>Signed &amp;at:</source>
        <translation>签名时间(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>SittingDialog</name>
    <message>
        <source>Edit the Sitting</source>
        <translation>修改调解会</translation>
    </message>
    <message>
        <source>New Sitting of {number}</source>
        <translation>新建调解会：{number}</translation>
    </message>
    <message>
        <source>&amp;Online (no place)</source>
        <translation>线上进行（无地点）(&amp;O)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>&amp;Add Attendee</source>
        <translation>添加参加人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Matter (事由):</source>
        <translation>事由(&amp;M)：</translation>
    </message>
    <message>
        <source>Attendees (in this order: Ctrl+1, Ctrl+2… in the minutes):</source>
        <translation>参加人（按此顺序，在笔录中以 Ctrl+1、Ctrl+2… 选择）：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SittingsView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>已签章</translation>
    </message>
    <message>
        <source>&amp;New Sitting…</source>
        <translation>新建调解会(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open the Minutes</source>
        <translation>打开笔录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Cancel the Sitting…</source>
        <translation>取消调解会(&amp;C)…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>{count} sittings</source>
        <translation>共{count}次调解会</translation>
    </message>
    <message>
        <source>Cancel the Sitting</source>
        <translation>取消调解会</translation>
    </message>
    <message>
        <source>Why is the sitting of {time} cancelled? (required)</source>
        <translation>为何取消{time}的调解会？（必填）</translation>
    </message>
</context>
<context>
    <name>Sizes</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
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
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Party {name}</source>
        <translation>当事人 {name}</translation>
    </message>
    <message>
        <source>Agent {name}</source>
        <translation>委托代理人 {name}</translation>
    </message>
    <message>
        <source>Evidence item {id}: {name}</source>
        <translation>证据 {id}：{name}</translation>
    </message>
    <message>
        <source>Preservation record {id}</source>
        <translation>保全证据记录 {id}</translation>
    </message>
    <message>
        <source>The case: {source} → {target}</source>
        <translation>本案：{source} → {target}</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>本案</translation>
    </message>
</context>
<context>
    <name>TimestampDialog</name>
    <message>
        <source>Trusted timestamps (RFC 3161)</source>
        <translation>可信时间戳（RFC 3161）</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>立即发送(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation>地址（URL）：</translation>
    </message>
    <message>
        <source>User (optional):</source>
        <translation>用户名（可选）：</translation>
    </message>
    <message>
        <source>Password (optional):</source>
        <translation>密码（可选）：</translation>
    </message>
    <message>
        <source>CA certificate file (PEM):</source>
        <translation>CA 证书文件（PEM）：</translation>
    </message>
    <message>
        <source>No timestamp authority is set: checkpoints get no trusted timestamp.</source>
        <translation>未设置时间戳服务机构：检查点不会取得可信时间戳。</translation>
    </message>
    <message>
        <source>{stored} checkpoints timestamped, {pending} waiting.</source>
        <translation>已有 {stored} 个检查点取得可信时间戳，{pending} 个等待发送。</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>最近一次错误：{error}</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation>与身份证上一致</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Real name:</source>
        <translation>姓名：</translation>
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
        <source>The real name appears on seals, records and documents; the user signs in with the user name.</source>
        <translation>姓名显示在签章、记录和文书上；用户以用户名登录。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
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
        <source>&amp;Edit User…</source>
        <translation>编辑用户(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reset Password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
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
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>The password of {user} was reset. Signing keys revoked: {count}.</source>
        <translation>{user} 的密码已重置。已吊销的签名密钥：{count} 个。</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable {user}? They can no longer sign in; their history and keys stay.</source>
        <translation>停用 {user}？该用户将无法登录；其历史记录和签名密钥仍会保留。</translation>
    </message>
    <message>
        <source>Enable user</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Enable {user}? They can sign in again with their password.</source>
        <translation>启用 {user}？该用户可再次使用其密码登录。</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <source>The file&apos;s SHA-256 digest in the vault differs from the one recorded at intake</source>
        <translation>存证文件 SHA-256 摘要不符</translation>
    </message>
    <message>
        <source>The file&apos;s SM3 digest in the vault differs from the one recorded at intake</source>
        <translation>存证文件 SM3 摘要不符</translation>
    </message>
    <message>
        <source>The file&apos;s size in the vault differs from the one recorded at intake</source>
        <translation>存证文件大小不符</translation>
    </message>
    <message>
        <source>Verification passed</source>
        <translation>核验通过</translation>
    </message>
    <message>
        <source>Verification failed: {count} problem(s)</source>
        <translation>核验未通过：{count} 处问题</translation>
    </message>
    <message>
        <source>Scope: the whole store</source>
        <translation>范围：全库</translation>
    </message>
    <message>
        <source>Scope: case {case}</source>
        <translation>范围：案件{case}</translation>
    </message>
    <message>
        <source>Checked at {time}</source>
        <translation>核验时间：{time}</translation>
    </message>
    <message>
        <source>Checked by {user}</source>
        <translation>核验人：{user}</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Checked {entries} ledger entries, {nodes} tree nodes, {checkpoints} checkpoints, {keys} signing keys, {users} users, {cases} cases, {items} evidence items ({blobs} files, {size}), {seals} seals and {records} preservation records.</source>
        <translation>已核验 {entries} 条存证日志条目、{nodes} 个树节点、{checkpoints} 个检查点、{keys} 个签名密钥、{users} 个用户、{cases} 个案件、{items} 份证据（{blobs} 个文件，{size}）、{seals} 个签章和 {records} 份保全证据记录。</translation>
    </message>
    <message>
        <source>Checked case {case}: {items} evidence items ({blobs} files, {size}), {seals} seals, {records} preservation records and the ledger entries they rest on.</source>
        <translation>已核验案件{case}：{items} 份证据（{blobs} 个文件，{size}）、{seals} 个签章、{records} 份保全证据记录及其所依据的存证日志条目。</translation>
    </message>
    <message>
        <source>Evidence items: {sealed} intact and sealed, {intact} intact and not sealed, {failed} not matching their records.</source>
        <translation>证据：{sealed} 份完好且已签章，{intact} 份完好但未签章，{failed} 份与其记录不符。</translation>
    </message>
    <message>
        <source>Everything matches.</source>
        <translation>全部一致。</translation>
    </message>
    <message>
        <source>Everything matches; {count} notices (facts worth knowing, nothing wrong).</source>
        <translation>全部一致；另有 {count} 条提示（值得了解的情况，并无问题）。</translation>
    </message>
    <message>
        <source>{errors} findings and {notices} notices.</source>
        <translation>发现 {errors} 处问题，另有 {notices} 条提示。</translation>
    </message>
    <message>
        <source>{count} findings.</source>
        <translation>发现 {count} 处问题。</translation>
    </message>
    <message>
        <source>verification-report</source>
        <translation>核验报告</translation>
    </message>
    <message>
        <source>Verification report saved: {path}</source>
        <translation>核验报告已保存：{path}</translation>
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
    <name>VerifyDocumentDialog</name>
    <message>
        <source>Verify a Document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>Choose the PDF to verify</source>
        <translation>选择要核验的 PDF</translation>
    </message>
    <message>
        <source>&amp;Choose PDF…</source>
        <translation>选择 PDF(&amp;C)…</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>登记记录：</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>电子签章：</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>发现：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Is this PDF one this office produced, and is it unchanged?</source>
        <translation>该 PDF 是否由本处出具、是否未被改动？</translation>
    </message>
    <message>
        <source>Choose the PDF to Verify</source>
        <translation>选择要核验的 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>PDF 文书 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取该文件：{reason}</translation>
    </message>
    <message>
        <source>Produced by this office and unchanged</source>
        <translation>本处出具且未被改动</translation>
    </message>
    <message>
        <source>Changed since this office produced it</source>
        <translation>已被改动</translation>
    </message>
    <message>
        <source>Not produced by this office</source>
        <translation>非本处出具</translation>
    </message>
    <message>
        <source>{kind} of {case}, made {time} by {user} (document {id})</source>
        <translation>{case} 的{kind}，{user}于 {time} 生成（文书编号 {id}）</translation>
    </message>
    <message>
        <source>The file names document {id}, which this office&apos;s registry does not hold.</source>
        <translation>该文件载明文书编号 {id}，但本处文书登记中没有该文书。</translation>
    </message>
    <message>
        <source>None: no document of this office matches.</source>
        <translation>无：本处没有与之相符的文书。</translation>
    </message>
    <message>
        <source>Nothing wrong.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>None, though the document was signed when it was made.</source>
        <translation>无，但该文书生成时已加盖电子签章。</translation>
    </message>
    <message>
        <source>Not signed digitally.</source>
        <translation>未加盖电子签章。</translation>
    </message>
    <message>
        <source>valid, covering the whole file</source>
        <translation>有效，覆盖整个文件</translation>
    </message>
    <message>
        <source>valid, but the file was added to after signing</source>
        <translation>有效，但签章后文件被追加了内容</translation>
    </message>
    <message>
        <source>not valid: the signed bytes were changed</source>
        <translation>无效：签章所覆盖的内容已被改动</translation>
    </message>
    <message>
        <source>Signed by {signer}: {state}.</source>
        <translation>{signer} 的电子签章：{state}。</translation>
    </message>
</context>
<context>
    <name>VerifyPackageDialog</name>
    <message>
        <source>Verify a Court Package</source>
        <translation>核验证据包</translation>
    </message>
    <message>
        <source>Choose the package (a zip) to verify</source>
        <translation>选择要核验的证据包（zip 文件）</translation>
    </message>
    <message>
        <source>&amp;Choose Package…</source>
        <translation>选择证据包(&amp;C)…</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>案号：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>检查点：</translation>
    </message>
    <message>
        <source>Trusted timestamp:</source>
        <translation>可信时间戳：</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>实为</translation>
    </message>
    <message>
        <source>Is this court package intact: every file as sealed, every seal valid, every item in the signed ledger? Nothing is written.</source>
        <translation>此证据包是否完好：每个文件与签章时一致、每个签章有效、每项证据都在已签名的存证日志中？核验只读取，不写入任何内容。</translation>
    </message>
    <message>
        <source>Choose the Court Package to Verify</source>
        <translation>选择要核验的证据包</translation>
    </message>
    <message>
        <source>Zip archives (*.zip);;All files (*)</source>
        <translation>Zip 归档 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>已取消核验。</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>The file is not a zip archive that can be read: {reason}</source>
        <translation>该文件不是可读取的 zip 归档：{reason}</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>Not passed: {count} finding(s)</source>
        <translation>未通过：发现 {count} 个问题</translation>
    </message>
    <message>
        <source>Passed, with {count} notice(s) below</source>
        <translation>通过，另有 {count} 条提示（见下表）</translation>
    </message>
    <message>
        <source>Passed: every file, seal and proof checks out</source>
        <translation>通过：每个文件、签章和证明均核验无误</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未载明</translation>
    </message>
    <message>
        <source>ledger size {tree_size}, signed {time} by {signer}</source>
        <translation>存证日志 {tree_size} 条，{signer} 于 {time} 签署</translation>
    </message>
    <message>
        <source>{subject} (SHA-256 {fingerprint})</source>
        <translation>{subject}（SHA-256 {fingerprint}）</translation>
    </message>
    <message>
        <source>none in the package</source>
        <translation>证据包中没有</translation>
    </message>
    <message>
        <source>present, but it does not check out (see the findings)</source>
        <translation>有，但未通过核验（见下表）</translation>
    </message>
    <message>
        <source>{time}, by {authority}</source>
        <translation>{time}，由 {authority} 签发</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Follow-up Visit to {number}</source>
        <translation>{number}回访</translation>
    </message>
    <message>
        <source>Date of the visit:</source>
        <translation>回访日期：</translation>
    </message>
    <message>
        <source>Visited by:</source>
        <translation>回访人：</translation>
    </message>
    <message>
        <source>Matter:</source>
        <translation>回访事项：</translation>
    </message>
    <message>
        <source>What was found:</source>
        <translation>回访情况：</translation>
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Add Visit…</source>
        <translation>添加回访记录…</translation>
    </message>
</context>
<context>
    <name>WitnessList</name>
    <message>
        <source>Add Witness</source>
        <translation>添加见证人</translation>
    </message>
    <message>
        <source>No witness</source>
        <translation>无见证人</translation>
    </message>
    <message>
        <source>Witness&apos;s name</source>
        <translation>见证人姓名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this witness</source>
        <translation>删除此见证人</translation>
    </message>
</context>
<context>
    <name>_SavingDialog</name>
    <message>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The backup {path} is damaged and was not restored: {detail}</source>
        <translation>备份 {path} 已损坏，未予恢复：{detail}</translation>
    </message>
    <message>
        <source>The data folder {path} is a file, not a folder.</source>
        <translation>数据文件夹 {path} 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <source>The folder {path} is not empty: a backup is restored only into a new or empty folder.</source>
        <translation>文件夹 {path} 不是空的：备份只能恢复到新建的或空的文件夹。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a backup of a PostgreSQL store and cannot be restored here: load its database/pg_dump.sql into a new, empty database with psql (`psql --set ON_ERROR_STOP=1 --single-transaction --file=pg_dump.sql URL`), unzip its vault into the data folder, and run Mediseal with that database&apos;s URL (MEDISEAL_DATABASE_URL).</source>
        <translation>{path} 是 PostgreSQL 存储的备份，无法在此恢复：请用 psql 将其中的 database/pg_dump.sql 载入一个新建的空数据库（`psql --set ON_ERROR_STOP=1 --single-transaction --file=pg_dump.sql URL`），将其中的 vault 解压到数据文件夹，再以该数据库的地址（MEDISEAL_DATABASE_URL）运行 Mediseal。</translation>
    </message>
    <message>
        <source>The database {database} cannot be opened: {reason}</source>
        <translation>无法打开数据库 {database}：{reason}</translation>
    </message>
    <message>
        <source>The database {database} is not empty (it holds {relation}): a backup is restored only into a new, empty database.</source>
        <translation>数据库 {database} 不是空的（其中有 {relation}）：备份只能恢复到新建的空数据库。</translation>
    </message>
    <message>
        <source>psql could not load the backup&apos;s database into {database}, which was left as it was: {reason}</source>
        <translation>psql 未能将备份中的数据库载入 {database}，该数据库保持原状：{reason}</translation>
    </message>
    <message>
        <source>{path} is a backup of a PostgreSQL store: give the URL of a new, empty database to restore it into (--database-url).</source>
        <translation>{path} 是 PostgreSQL 存储的备份：请给出要恢复到的新建空数据库的地址（--database-url）。</translation>
    </message>
    <message>
        <source>{path} is a backup of a SQLite store: it is restored into the data folder, without a database URL.</source>
        <translation>{path} 是 SQLite 存储的备份：它恢复到数据文件夹中，无需数据库地址。</translation>
    </message>
    <message>
        <source>The restored ledger has {size} entries and root {root}; the backup recorded {expected_size} and {expected_root}.</source>
        <translation>恢复后的存证日志有 {size} 条记录，根为 {root}；备份时记录的是 {expected_size} 条、根为 {expected_root}。</translation>
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
        <source>The word of mediation case numbers (调 in 云知调字) must be at most {limit} characters with no spaces, digits, brackets or the characters 字, 第, 号.</source>
        <translation>调解案件编号的代字（如“云知调字”中的“调”）最多 {limit} 个字符，不能包含空格、数字、括号或“字”“第”“号”。</translation>
    </message>
    <message>
        <source>The prefix of notarial matter numbers is empty: give one with its word, or neither.</source>
        <translation>公证事项编号前缀为空：前缀和代字须同时填写或同时留空。</translation>
    </message>
    <message>
        <source>The prefix of notarial matter numbers must be at most {limit} characters with no spaces, digits, brackets or the characters 字, 第, 号.</source>
        <translation>公证事项编号前缀最多 {limit} 个字符，不能包含空格、数字、括号或“字”“第”“号”。</translation>
    </message>
    <message>
        <source>The word of notarial matter numbers (证 in 云昆证字) must be 1 to {limit} characters with no spaces, digits, brackets or the characters 字, 第, 号.</source>
        <translation>公证事项编号的代字（如“云昆证字”中的“证”）须为 1 至 {limit} 个字符，不能包含空格、数字、括号或“字”“第”“号”。</translation>
    </message>
    <message>
        <source>Notarial matters need numbers of their own: their prefix and word “{head}” are those of mediation cases.</source>
        <translation>公证事项须使用自己的编号：其前缀和代字“{head}”与调解案件的相同。</translation>
    </message>
    <message>
        <source>This data folder already belongs to the office “{office}”.</source>
        <translation>此数据文件夹已属于机构“{office}”。</translation>
    </message>
    <message>
        <source>The office&apos;s name or prefix is not what the ledger recorded (it was changed outside Mediseal), so it cannot be changed. Run a verification (mediseal verify).</source>
        <translation>本机构的名称或案件编号前缀与存证日志记录的不一致（在 Mediseal 之外被改动过），因此不能更改。请运行一次核验（mediseal verify）。</translation>
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
        <translation>签名密钥须使用 ECDSA P-256 算法，而不是 {kind}。</translation>
    </message>
    <message>
        <source>The password for a key must not be empty.</source>
        <translation>签名密钥的密码不能为空。</translation>
    </message>
    <message>
        <source>The password does not unlock this key.</source>
        <translation>该密码无法解锁此签名密钥。</translation>
    </message>
    <message>
        <source>The key file is damaged and cannot be read; restore it from a backup.</source>
        <translation>签名密钥文件已损坏，无法读取；请从备份中恢复。</translation>
    </message>
    <message>
        <source>The key file has format version {version}, which this version of Mediseal cannot read.</source>
        <translation>签名密钥文件的格式版本为 {version}，本版本的 Mediseal 无法读取。</translation>
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
        <translation>PKCS#12 文件中的私钥是 {kind}；签名密钥须使用 ECDSA P-256 算法。</translation>
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
        <translation>PKCS#12 文件中的证书不允许数字签名（密钥用法）。</translation>
    </message>
    <message>
        <source>The file does not hold a readable PEM certificate.</source>
        <translation>该文件不含可读取的 PEM 证书。</translation>
    </message>
    <message>
        <source>A password must be valid text (UTF-8).</source>
        <translation>密码必须是有效的文本（UTF-8）。</translation>
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
        <source>change the office&apos;s settings</source>
        <translation>更改机构设置</translation>
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
        <source>open a case</source>
        <translation>受理案件</translation>
    </message>
    <message>
        <source>work on a case</source>
        <translation>办理案件</translation>
    </message>
    <message>
        <source>assign a mediator</source>
        <translation>指派调解员</translation>
    </message>
    <message>
        <source>take in evidence</source>
        <translation>证据入库</translation>
    </message>
    <message>
        <source>view or copy evidence</source>
        <translation>查看或复制证据</translation>
    </message>
    <message>
        <source>seal evidence</source>
        <translation>为证据签章</translation>
    </message>
    <message>
        <source>{user} has signed out: nothing more is recorded for that sign-in. Sign in again.</source>
        <translation>{user} 已退出登录：该次登录不再记录任何内容。请重新登录。</translation>
    </message>
    <message>
        <source>{user} may not {action}: that needs the role {roles}.</source>
        <translation>{user} 无权{action}：需要角色 {roles}。</translation>
    </message>
    <message>
        <source>The signing key {fingerprint} is not {user}&apos;s: it signs nothing for them.</source>
        <translation>签名密钥 {fingerprint} 不属于 {user}：不能为其签名。</translation>
    </message>
    <message>
        <source>The stored fingerprint of signing key {fingerprint} is not the SHA-256 of its certificate: the key signs nothing. Ask an administrator to run a verification.</source>
        <translation>签名密钥 {fingerprint} 存储的指纹不是其证书的 SHA-256：该签名密钥不能用于签名。请管理员执行一次核验。</translation>
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
        <source>Name a key by its certificate&apos;s SHA-256 fingerprint: all {length} hex digits, or at least the first {minimum} (not “{given}”).</source>
        <translation>请用证书的 SHA-256 指纹指定签名密钥：全部 {length} 位十六进制数字，或至少前 {minimum} 位（而不是“{given}”）。</translation>
    </message>
    <message>
        <source>“{value}” is not a case status; use one of: {values}.</source>
        <translation>“{value}”不是案件状态；请使用以下之一：{values}。</translation>
    </message>
    <message>
        <source>{number} is a notarial matter: the mediation workflow does not apply to it.</source>
        <translation>{number}是公证事项，不适用调解流程。</translation>
    </message>
    <message>
        <source>The agreement cannot take effect on {given}, a day still to come.</source>
        <translation>协议生效日期不能是尚未到来的{given}。</translation>
    </message>
    <message>
        <source>The agreement cannot take effect on {given}, before the case was received.</source>
        <translation>协议生效日期{given}不能早于收案日期。</translation>
    </message>
    <message>
        <source>Case {number} moves to “{target}” by recording the outcome of its mediation (the Outcome and Performance tab, or mediseal outcome), not by a move.</source>
        <translation>案件 {number} 须通过登记调解结果转为“{target}”（“调解结果及履行”标签页或 mediseal outcome），不能直接变更状态。</translation>
    </message>
    <message>
        <source>“{value}” is not an outcome; use one of: {values}.</source>
        <translation>“{value}”不是调解结果；可选：{values}。</translation>
    </message>
    <message>
        <source>The date {given} is still to come.</source>
        <translation>日期 {given} 尚未到来。</translation>
    </message>
    <message>
        <source>Party {party} is not a party to case {number}.</source>
        <translation>当事人 {party} 不是案件{number}的当事人。</translation>
    </message>
    <message>
        <source>{name} is named twice among those who signed.</source>
        <translation>签名人中 {name} 重复出现。</translation>
    </message>
    <message>
        <source>A written agreement takes effect once every party has signed it (People&apos;s Mediation Law art. 29); not signed: {names}.</source>
        <translation>调解协议书自各方当事人签名之日起生效（《人民调解法》第二十九条）；尚未签名：{names}。</translation>
    </message>
    <message>
        <source>The agreement is signed by a mediator of the case ({mediators}); {name} is not one.</source>
        <translation>调解协议书由本案调解员（{mediators}）签名；{name} 不是本案调解员。</translation>
    </message>
    <message>
        <source>The agreement cannot take effect on {given}, before the last signature ({last}).</source>
        <translation>协议不能在最后签名之日（{last}）之前的 {given} 生效。</translation>
    </message>
    <message>
        <source>Only a written agreement records who signed it.</source>
        <translation>只有书面调解协议登记签名人。</translation>
    </message>
    <message>
        <source>The content is recorded here only for an oral agreement; a written agreement&apos;s text is its document.</source>
        <translation>只有口头协议在此登记协议内容；书面协议的内容见调解协议书。</translation>
    </message>
    <message>
        <source>A reason is recorded only when mediation failed or was withdrawn.</source>
        <translation>只有调解不成或撤回时登记理由。</translation>
    </message>
    <message>
        <source>A date of effect is recorded only when an agreement is reached.</source>
        <translation>只有达成协议时才记录生效日期。</translation>
    </message>
    <message>
        <source>An outcome is recorded for a case in mediation; case {number} is “{status}”.</source>
        <translation>只能为调解中的案件登记调解结果；案件{number}处于“{status}”。</translation>
    </message>
    <message>
        <source>There is no outcome {id}.</source>
        <translation>没有调解结果 {id}。</translation>
    </message>
    <message>
        <source>Outcome {id} was already corrected by outcome {later}; correct that one.</source>
        <translation>调解结果 {id} 已由调解结果 {later} 更正；请更正后者。</translation>
    </message>
    <message>
        <source>A correction keeps the outcome&apos;s kind (“{kind}”); a different outcome is a move of the case.</source>
        <translation>更正不改变调解结果的类别（“{kind}”）；不同的结果须变更案件进程。</translation>
    </message>
    <message>
        <source>The agreement cannot take effect on {given}: performance is already due or was recorded on {day}.</source>
        <translation>协议不能在 {given} 生效：{day} 已有履行期限或已登记履行。</translation>
    </message>
    <message>
        <source>Case {number} has no agreement on record; performance and follow-up visits come after one.</source>
        <translation>案件{number}尚未登记调解协议；履行和回访须在达成协议之后。</translation>
    </message>
    <message>
        <source>Case {number} is closed by archiving its file (the Case file tab, or mediseal case archive), not by a move.</source>
        <translation>案件{number}须通过卷宗归档结案（“卷宗”标签页或 mediseal case archive），不能直接变更状态。</translation>
    </message>
    <message>
        <source>{number} is a notarial matter: it has no mediators.</source>
        <translation>{number}是公证事项，不指派调解员。</translation>
    </message>
    <message>
        <source>A mediator takes on a case with no mediator for themself; an administrator assigns others.</source>
        <translation>调解员只能为尚无调解员的案件指派本人；指派他人由管理员办理。</translation>
    </message>
    <message>
        <source>There is no user “{name}”.</source>
        <translation>没有用户“{name}”。</translation>
    </message>
    <message>
        <source>{name} cannot be assigned: only an enabled user with the mediator role mediates.</source>
        <translation>不能指派{name}：只有已启用且具有调解员角色的用户才能调解。</translation>
    </message>
    <message>
        <source>{name} is already assigned to case {number}.</source>
        <translation>{name}已被指派办理案件{number}。</translation>
    </message>
    <message>
        <source>“{name}” has no such signing key.</source>
        <translation>“{name}”没有这个签名密钥。</translation>
    </message>
    <message>
        <source>The fingerprint {given} fits {count} keys of “{name}”: {candidates}. Give more digits.</source>
        <translation>指纹 {given} 与“{name}”的 {count} 个签名密钥相符：{candidates}。请多给几位数字。</translation>
    </message>
    <message>
        <source>Signing key {fingerprint} was already revoked on {time}.</source>
        <translation>签名密钥 {fingerprint} 已于 {time} 吊销。</translation>
    </message>
    <message>
        <source>{user}&apos;s signing key {fingerprint} has been revoked: it signs nothing new. Create or import a new key in Settings → Signing keys (or with “mediseal key new”).</source>
        <translation>{user} 的签名密钥 {fingerprint} 已吊销，不能再签名。请在“设置 → 签名密钥”中生成或导入新的签名密钥（或使用“mediseal key new”）。</translation>
    </message>
    <message>
        <source>{user} has no usable signing key: create or import one in Settings → Signing keys (or with “mediseal key new”); a revoked key signs nothing new.</source>
        <translation>{user} 没有可用的签名密钥：请在“设置 → 签名密钥”中生成或导入一个（或使用“mediseal key new”）；已吊销的签名密钥不能用于新的签名。</translation>
    </message>
    <message>
        <source>The ledger has no record of signing key {fingerprint} being made or imported by {user}: the key signs nothing. Ask an administrator to run a verification.</source>
        <translation>存证日志中没有 {user} 生成或导入签名密钥 {fingerprint} 的记录：该签名密钥不能用于签名。请管理员执行一次核验。</translation>
    </message>
    <message>
        <source>The ledger records signing key {fingerprint} as revoked, though its stored row does not: the key signs nothing. Ask an administrator to run a verification.</source>
        <translation>存证日志记载签名密钥 {fingerprint} 已吊销，但其存储记录并未如此：该签名密钥不能用于签名。请管理员执行一次核验。</translation>
    </message>
    <message>
        <source>{user}&apos;s signing key {fingerprint} is not valid at {time}: its certificate is valid from {not_before} to {not_after}. Make or import a new key.</source>
        <translation>{user} 的签名密钥 {fingerprint} 在 {time} 不在有效期内：其证书有效期为 {not_before} 至 {not_after}。请生成或导入新的签名密钥。</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 letters (21 Chinese characters), digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not “{name}”).</source>
        <translation>用户名由 1 至 64 个字母（21 个汉字）、数字、“.”、“_”或“-”组成（“{name}”不符合）。</translation>
    </message>
    <message>
        <source>A real name is one line of visible characters (not “{name}”).</source>
        <translation>姓名须为一行可见字符（而不是“{name}”）。</translation>
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
        <source>The account “{name}” is not as the ledger recorded it (its roles or state were changed outside Mediseal), so it cannot be changed. Run a verification (mediseal verify).</source>
        <translation>账户“{name}”与存证日志记录的不一致（其角色或状态在 Mediseal 之外被改动过），因此不能更改。请运行一次核验（mediseal verify）。</translation>
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
        <source>The account “{name}” is not as the ledger recorded it (its roles or state were changed outside Mediseal), so it cannot sign in. Ask an administrator to run a verification (mediseal verify).</source>
        <translation>账户“{name}”与存证日志的记载不符（其角色或状态在 Mediseal 之外被改动），因此不能登录。请管理员执行一次核验（mediseal verify）。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>“{value}” is not a case type; use one of: {types}.</source>
        <translation>“{value}”不是案件类型；请使用以下之一：{types}。</translation>
    </message>
    <message>
        <source>The date received {given} lies in the future.</source>
        <translation>收案日期{given}晚于今天。</translation>
    </message>
    <message>
        <source>A kind of patent is given only for a patent dispute.</source>
        <translation>只有专利纠纷才填写专利类型。</translation>
    </message>
    <message>
        <source>At most {limit} requests can be recorded.</source>
        <translation>申请事项最多记录{limit}项。</translation>
    </message>
    <message>
        <source>A notarial matter does not come from a court&apos;s invitation.</source>
        <translation>公证事项不来源于法院委派或委托。</translation>
    </message>
    <message>
        <source>A procedure is given only for mediation a court entrusted after filing.</source>
        <translation>只有法院立案后委托调解的案件才填写审理程序。</translation>
    </message>
    <message>
        <source>The time limit must be from 1 to {limit} days.</source>
        <translation>调解期限应为1至{limit}日。</translation>
    </message>
    <message>
        <source>A court, its case number, a procedure and a time limit are given only for mediation a court invited or entrusted.</source>
        <translation>只有法院委派或委托调解的案件才填写法院、法院案号、审理程序和调解期限。</translation>
    </message>
    <message>
        <source>Only a mediation case cites a notarial matter.</source>
        <translation>只有调解案件才能引用公证事项。</translation>
    </message>
    <message>
        <source>“{number}” is a mediation case; a case cites notarial matters only.</source>
        <translation>“{number}”是调解案件；案件只能引用公证事项。</translation>
    </message>
    <message>
        <source>Set up the office first (mediseal init).</source>
        <translation>请先设置调解中心（mediseal init）。</translation>
    </message>
    <message>
        <source>The office has no number series for {kind} yet: an administrator sets its prefix and word in Settings.</source>
        <translation>本机构尚未设置{kind}的编号：请管理员在“设置”中设置其前缀和代字。</translation>
    </message>
    <message>
        <source>There is no case “{number}”.</source>
        <translation>没有案件“{number}”。</translation>
    </message>
    <message>
        <source>Case {number} is closed and archived; its file is read-only.</source>
        <translation>案件{number}已结案归档，卷宗只读。</translation>
    </message>
    <message>
        <source>{user} is not assigned to case {number}: only its mediators ({mediators}) and an administrator act on it.</source>
        <translation>{user}未被指派办理案件{number}：只有该案调解员（{mediators}）和管理员可以办理。</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>The database refused the record of “{name}” ({reason}); its bytes are in the vault but it was not taken in.</source>
        <translation>数据库拒绝写入“{name}”的记录（{reason}）；其内容已存入存证库，但该文件未入库。</translation>
    </message>
    <message>
        <source>“{value}” is not a source kind; use one of: {kinds}.</source>
        <translation>“{value}”不是证据来源类型；请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <source>“{value}” is not a web address (http:// or https://).</source>
        <translation>“{value}”不是网址（应以 http:// 或 https:// 开头）。</translation>
    </message>
    <message>
        <source>A web capture (网页取证) needs the address of the page (--url).</source>
        <translation>网页取证须填写网页地址（--url）。</translation>
    </message>
    <message>
        <source>The evidence cannot have been acquired in the future ({time}).</source>
        <translation>取证时间不能晚于现在（{time}）。</translation>
    </message>
    <message>
        <source>“{value}” is not a part of the case file that takes papers; use one of: {parts}.</source>
        <translation>“{value}”不是可归入材料的卷宗部分；可用：{parts}。</translation>
    </message>
    <message>
        <source>{number} is a notarial matter: it keeps no case file of a mediation.</source>
        <translation>{number}是公证事项，没有调解卷宗。</translation>
    </message>
    <message>
        <source>There is no evidence item {item}.</source>
        <translation>没有第 {item} 号证据。</translation>
    </message>
    <message>
        <source>Evidence item {item} belongs to another case; only an item of {number} is filed in its file.</source>
        <translation>证据 {item} 属于其他案件；只有{number}的证据可归入本卷宗。</translation>
    </message>
    <message>
        <source>Evidence item {item} is already filed in “{part}”; a filing is never changed.</source>
        <translation>证据 {item} 已归入“{part}”；归卷后不能更改。</translation>
    </message>
    <message>
        <source>“{name}” changed while it was being read; nothing was stored. Take it in again once nothing is writing to it.</source>
        <translation>读取“{name}”期间该文件发生了变化，未存储任何内容。请在没有程序写入该文件时重新入库。</translation>
    </message>
    <message>
        <source>{path} exists: Mediseal never overwrites a file; choose another name.</source>
        <translation>{path} 已存在：Mediseal 从不覆盖文件，请另选文件名。</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <source>Evidence item {item} in the vault no longer matches the SHA-256 recorded when it was taken in, so it is not shown: what the vault holds now is not the evidence as recorded. Run a verification to see what differs.</source>
        <translation>存证库中的第 {item} 号证据已与入库时记录的 SHA-256 摘要不符，因此不予显示：存证库中现有的内容并非当初记录的证据。请运行核验以查明差异。</translation>
    </message>
    <message>
        <source>Evidence item {item} does not match its recorded SHA-256 (the vault copy is damaged); nothing was written. Run a verification.</source>
        <translation>第 {item} 号证据与其记录的 SHA-256 不符（存证库中的文件已损坏），未写出任何内容。请运行核验。</translation>
    </message>
    <message>
        <source>“{number}” is not a telephone number: give 11 digits for a mobile, the area code and number for a fixed line, or + and the country code.</source>
        <translation>“{number}”不是电话号码：手机请填 11 位数字，固定电话请填区号和号码，境外电话请以 + 和国家代码开头。</translation>
    </message>
    <message>
        <source>An ethnic group is recorded for Chinese citizens only; leave it empty for a foreign national.</source>
        <translation>民族只登记中国公民的；外国人请留空。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the 56 ethnic groups (GB/T 3304); choose it from the list.</source>
        <translation>“{value}”不是 56 个民族之一（GB/T 3304），请从列表中选择。</translation>
    </message>
    <message>
        <source>The date of birth {given} is not the one in the identity number ({in_number}).</source>
        <translation>出生日期 {given} 与身份证号码中的出生日期（{in_number}）不一致。</translation>
    </message>
    <message>
        <source>The sex given is not the one the identity number records (its 17th digit).</source>
        <translation>所填性别与身份证号码（第 17 位）记载的性别不一致。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid choice for {field}.</source>
        <translation>“{value}”不是“{field}”的有效选项。</translation>
    </message>
    <message>
        <source>The field {field} is required.</source>
        <translation>“{field}”为必填项。</translation>
    </message>
    <message>
        <source>A lawyer&apos;s practising certificate number has 17 digits; “{number}” is not one.</source>
        <translation>律师执业证号应为 17 位数字；“{number}”不符合。</translation>
    </message>
    <message>
        <source>A practising certificate number has 5 to 30 letters and digits; “{number}” is not one.</source>
        <translation>执业证号应为 5 至 30 位字母或数字；“{number}”不符合。</translation>
    </message>
    <message>
        <source>A postcode has 6 digits; “{code}” is not one.</source>
        <translation>邮政编码应为 6 位数字；“{code}”不符合。</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address (like name@example.com).</source>
        <translation>“{address}”不是电子邮箱地址（应形如 name@example.com）。</translation>
    </message>
    <message>
        <source>Special authority must name at least one special power.</source>
        <translation>特别授权须至少写明一项特别授权事项。</translation>
    </message>
    <message>
        <source>General authority grants no special powers: choose special authority, or clear the special powers.</source>
        <translation>一般授权不含特别授权事项：请改选特别授权，或取消所选事项。</translation>
    </message>
    <message>
        <source>Only a lawyer or a legal service worker is recorded with a firm and a practising certificate.</source>
        <translation>只有律师或基层法律服务工作者才登记执业机构和执业证号。</translation>
    </message>
    <message>
        <source>Choose the kind of identity document for this number.</source>
        <translation>请为此号码选择证件类型。</translation>
    </message>
    <message>
        <source>An agent who is not a lawyer or legal service worker shows an identity document: choose its kind and give its number.</source>
        <translation>律师和基层法律服务工作者以外的代理人须提供身份证件：请选择证件类型并填写号码。</translation>
    </message>
    <message>
        <source>The authority cannot end ({end}) before it begins ({start}).</source>
        <translation>授权期限的截止日期（{end}）不能早于起始日期（{start}）。</translation>
    </message>
    <message>
        <source>Electronic service needs an e-mail address or a mobile number to send to.</source>
        <translation>电子送达须填写电子邮箱或手机号码。</translation>
    </message>
    <message>
        <source>The date of birth {given} lies in the future.</source>
        <translation>出生日期 {given} 晚于今天。</translation>
    </message>
    <message>
        <source>A foreign organisation has no unified social credit code; give its registration number instead.</source>
        <translation>境外组织没有统一社会信用代码，请填写其注册号。</translation>
    </message>
    <message>
        <source>List at most {limit} witnesses, each with a name.</source>
        <translation>见证人最多 {limit} 名，且每名都须有姓名。</translation>
    </message>
    <message>
        <source>The acquisition ends before it starts.</source>
        <translation>取证结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>A preservation record covers at least one evidence item.</source>
        <translation>保全证据记录须至少包含一份证据。</translation>
    </message>
    <message>
        <source>A reason is given only when a record corrects another.</source>
        <translation>只有更正另一份记录时才填写更正理由。</translation>
    </message>
    <message>
        <source>Evidence item {item} belongs to case {other}, not {case}.</source>
        <translation>第 {item} 号证据属于案件 {other}，而非{case}。</translation>
    </message>
    <message>
        <source>Case {case} has no preservation record {record}.</source>
        <translation>案件{case}没有第 {record} 号保全证据记录。</translation>
    </message>
    <message>
        <source>Preservation record {record} was already corrected by record {newer}; correct that one instead.</source>
        <translation>第 {record} 号保全证据记录已被第 {newer} 号记录更正；请更正后者。</translation>
    </message>
    <message>
        <source>{user} has already sealed item(s) {items}; a seal is never replaced (another notary may countersign). Nothing was sealed.</source>
        <translation>{user} 已为第 {items} 号证据签章；签章不能替换（其他公证员可以加签）。本次未签章。</translation>
    </message>
    <message>
        <source>Evidence item {item} does not match its recorded digest; it cannot be sealed. Run a verification.</source>
        <translation>第 {item} 号证据与其记录的摘要不符，不能签章。请运行核验。</translation>
    </message>
    <message>
        <source>Name at least one evidence item to seal.</source>
        <translation>请至少指定一份要签章的证据。</translation>
    </message>
    <message>
        <source>The vault has no room for this file ({reason}). Nothing was stored; free some space and try again.</source>
        <translation>存证库空间不足，无法存放此文件（{reason}）。未存储任何内容；请释放空间后重试。</translation>
    </message>
    <message>
        <source>The vault could not store the file: {reason}.</source>
        <translation>存证库无法存储该文件：{reason}。</translation>
    </message>
    <message>
        <source>“{digest}” is not a SHA-256 digest.</source>
        <translation>“{digest}”不是 SHA-256 摘要。</translation>
    </message>
    <message>
        <source>The vault has no blob {digest}.</source>
        <translation>存证库中没有文件 {digest}。</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>The field {field} holds a control or text-direction character (U+{code}) at position {position}; remove it and try again.</source>
        <translation>“{field}”的第 {position} 个字符是控制字符或文字方向字符（U+{code}）；请删除后重试。</translation>
    </message>
    <message>
        <source>There is no minutes entry {entry}.</source>
        <translation>没有第 {entry} 号笔录条目。</translation>
    </message>
    <message>
        <source>There is no sitting {sitting}.</source>
        <translation>没有第 {sitting} 号调解会。</translation>
    </message>
    <message>
        <source>The field {field} must be at most {limit} characters (it has {length}).</source>
        <translation>“{field}”最多 {limit} 个字符（现有 {length} 个）。</translation>
    </message>
    <message>
        <source>{user} may not seal the minutes of sitting {sitting}: that is for a mediator of case {number} or the sitting&apos;s recorder.</source>
        <translation>{user} 不能对第 {sitting} 号调解会的笔录签章：只有案件{number}的调解员或本次调解会的记录人可以签章。</translation>
    </message>
    <message>
        <source>A sitting closes as held or adjourned, not “{state}”.</source>
        <translation>调解会只能以“已举行”或“休会”结束，不能是“{state}”。</translation>
    </message>
    <message>
        <source>Sitting {sitting} was already closed and its minutes sealed on {time}; correct an entry with an addendum.</source>
        <translation>第 {sitting} 号调解会已于 {time} 结束，笔录已签章；如需更正某条记录，请制作补正。</translation>
    </message>
    <message>
        <source>Sitting {sitting} has no minutes entries yet: record what was said before closing it, or cancel the sitting.</source>
        <translation>第 {sitting} 号调解会尚无笔录条目：请先记录发言再结束，或取消该调解会。</translation>
    </message>
    <message>
        <source>The minutes of sitting {sitting} are not sealed yet: change the entry itself.</source>
        <translation>第 {sitting} 号调解会的笔录尚未签章：请直接修改该条记录。</translation>
    </message>
    <message>
        <source>The minutes of sitting {sitting} have entries 1 to {count}; there is no entry {seq}.</source>
        <translation>第 {sitting} 号调解会的笔录有第 1 至 {count} 条，没有第 {seq} 条。</translation>
    </message>
    <message>
        <source>There are no sealed minutes {record}.</source>
        <translation>没有第 {record} 号已签章的笔录。</translation>
    </message>
    <message>
        <source>The minutes were sealed on {time}: they cannot have been signed before.</source>
        <translation>笔录于 {time} 签章，签名不能早于此时间。</translation>
    </message>
    <message>
        <source>Evidence item {item}, its seals or the ledger differ from what was logged, so no proof was made. Run a verification to see what differs.</source>
        <translation>第 {item} 号证据、其签章或存证日志与当初记录的不一致，因此未生成证明文件。请运行核验以查明差异。</translation>
    </message>
    <message>
        <source>No checkpoint has been signed yet, so there is nothing to prove evidence item {item} against. Sign a checkpoint (the Ledger page&apos;s Sign Checkpoint, or `mediseal checkpoint`), or sign out, which signs one with your signing key; then make the proof again.</source>
        <translation>尚未签署任何检查点，第 {item} 号证据的证明文件无所依据。请签署检查点（存证日志页的“签署检查点”，或 `mediseal checkpoint`），或退出登录（退出时会用您的签名密钥签署一个检查点），然后重新生成证明文件。</translation>
    </message>
    <message>
        <source>No checkpoint covers evidence item {item} yet: its ledger entries run to number {seq}, the latest checkpoint ({checkpoint}) covers entries 0 to {last}. Sign a checkpoint (the Ledger page&apos;s Sign Checkpoint, or `mediseal checkpoint`), or sign out, which signs one with your signing key; then make the proof again.</source>
        <translation>尚无检查点覆盖第 {item} 号证据：其存证日志记录编到第 {seq} 条，而最新的检查点（{checkpoint}）只覆盖第 0 至 {last} 条。请签署检查点（存证日志页的“签署检查点”，或 `mediseal checkpoint`），或退出登录（退出时会用您的签名密钥签署一个检查点），然后重新生成证明文件。</translation>
    </message>
    <message>
        <source>{path} exists: a proof goes into a new folder; choose another name.</source>
        <translation>{path} 已存在：证明文件须写入新文件夹，请换一个名称。</translation>
    </message>
    <message>
        <source>Cannot make the folder {path}: {reason}</source>
        <translation>无法创建文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>Name at least one evidence item to prove.</source>
        <translation>请至少指定一份要生成证明文件的证据。</translation>
    </message>
    <message>
        <source>This data folder has no office yet: set it up first.</source>
        <translation>此数据文件夹尚未设置机构：请先完成设置。</translation>
    </message>
    <message>
        <source>The idle lock is {low} to {high} minutes (not “{value}”).</source>
        <translation>闲置锁定时间须为 {low} 至 {high} 分钟（“{value}”不符合）。</translation>
    </message>
    <message>
        <source>A ledger subject holds at most {limit} characters; “{start}…” has {length}. Nothing was recorded.</source>
        <translation>存证日志的主题最多 {limit} 个字符；“{start}…”有 {length} 个。未记录任何内容。</translation>
    </message>
    <message>
        <source>The ledger is out of step ({detail}): nothing was recorded. Run a verification and restore the data folder from a backup.</source>
        <translation>存证日志前后不一致（{detail}）：未记录任何内容。请运行校验，并从备份恢复数据文件夹。</translation>
    </message>
    <message>
        <source>The {field} must have 18 characters; it has {length}.</source>
        <translation>{field}应为 18 位，现为 {length} 位。</translation>
    </message>
    <message>
        <source>The {field} must have a digit at position {position}, not “{char}”.</source>
        <translation>{field}第 {position} 位应为数字，而不是“{char}”。</translation>
    </message>
    <message>
        <source>The {field} holds no real birth date in positions 7 to 14 (“{digits}”).</source>
        <translation>{field}第 7 至 14 位不是有效的出生日期（“{digits}”）。</translation>
    </message>
    <message>
        <source>The {field} fails its check (GB 11643 MOD 11-2): position 18 is “{char}”, the first 17 digits call for “{expected}”. A digit is probably mistyped.</source>
        <translation>{field}校验不通过（GB 11643 MOD 11-2）：第 18 位是“{char}”，按前 17 位应为“{expected}”。可能有数字输错。</translation>
    </message>
    <message>
        <source>The {field} cannot hold “{char}” at position {position}: the code uses digits and capital letters except I, O, Z, S and V.</source>
        <translation>{field}第 {position} 位不能是“{char}”：代码只使用数字和除 I、O、Z、S、V 以外的大写字母。</translation>
    </message>
    <message>
        <source>The {field} fails the organisation code check (GB 11714) in positions 9 to 17: position 17 is “{char}”, positions 9 to 16 call for “{expected}”.</source>
        <translation>{field}第 9 至 17 位的组织机构代码校验不通过（GB 11714）：第 17 位是“{char}”，按第 9 至 16 位应为“{expected}”。</translation>
    </message>
    <message>
        <source>The {field} fails its check (GB 32100): position 18 is “{char}”, the first 17 characters call for “{expected}”. A character is probably mistyped.</source>
        <translation>{field}校验不通过（GB 32100）：第 18 位是“{char}”，按前 17 位应为“{expected}”。可能有字符输错。</translation>
    </message>
    <message>
        <source>The {field} must be H or M followed by 8 digits (or 10 on an older permit), like H12345678; “{number}” is not.</source>
        <translation>{field}应为 H 或 M 加 8 位数字（旧版证件为 10 位），如 H12345678；“{number}”不符合。</translation>
    </message>
    <message>
        <source>The {field} must be 8 digits (or 10 on an older permit); “{number}” is not.</source>
        <translation>{field}应为 8 位数字（旧版证件为 10 位）；“{number}”不符合。</translation>
    </message>
    <message>
        <source>The {field} must be a three-letter country code as printed in the passport (for example USA, JPN, DEU); “{code}” is not.</source>
        <translation>{field}应为护照上印的三位字母国家代码（如 USA、JPN、DEU）；“{code}”不符合。</translation>
    </message>
    <message>
        <source>The {field} must be 5 to 20 letters and digits; “{number}” is not.</source>
        <translation>{field}应为 5 至 20 位字母和数字；“{number}”不符合。</translation>
    </message>
    <message>
        <source>The case is closed and archived; it cannot move to “{target}”.</source>
        <translation>案件已结案归档，不能再转为“{target}”。</translation>
    </message>
    <message>
        <source>A case that is “{current}” cannot move to “{target}”.</source>
        <translation>处于“{current}”的案件不能转为“{target}”。</translation>
    </message>
    <message>
        <source>The {field} must be a sum of money of 0 or more.</source>
        <translation>{field}应为 0 或以上的金额。</translation>
    </message>
    <message>
        <source>The {field} can have at most two decimal places (角 and 分); “{amount}” has more.</source>
        <translation>{field}最多保留两位小数（角、分）；“{amount}”超出。</translation>
    </message>
    <message>
        <source>The {field} is too large.</source>
        <translation>{field}过大。</translation>
    </message>
    <message>
        <source>The {field} “{text}” is not a sum of money; write it like 1409.50.</source>
        <translation>{field}“{text}”不是金额，请按 1409.50 的格式填写。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>“{value}” is not a party&apos;s role; use one of: {values}.</source>
        <translation>“{value}”不是当事人的诉讼地位；请使用以下之一：{values}。</translation>
    </message>
    <message>
        <source>There is no party number {id}.</source>
        <translation>没有编号为{id}的当事人。</translation>
    </message>
    <message>
        <source>Version {version} of {subject} is missing.</source>
        <translation>{subject}的第{version}版缺失。</translation>
    </message>
    <message>
        <source>There is no agent number {id}.</source>
        <translation>没有编号为{id}的代理人。</translation>
    </message>
    <message>
        <source>The record is not of the type “{expected}” (it says “{found}”).</source>
        <translation>该记录不是“{expected}”类型（记录所载为“{found}”）。</translation>
    </message>
    <message>
        <source>The record&apos;s version {found} is not one this version of Mediseal reads.</source>
        <translation>本版 Mediseal 无法读取版本为 {found} 的记录。</translation>
    </message>
    <message>
        <source>The {record_type} record has missing or unknown keys: {keys}.</source>
        <translation>{record_type} 记录缺少或含有未知的键：{keys}。</translation>
    </message>
    <message>
        <source>The {record_type} record&apos;s “{key}” holds a value of the wrong kind.</source>
        <translation>{record_type} 记录的“{key}”值类型不正确。</translation>
    </message>
    <message>
        <source>{what} was changed by someone else (now version {current}; your edit started from version {expected}). Your edit was not saved: reload to see theirs, then apply yours again.</source>
        <translation>{what}已被他人修改（现为第{current}版；您的修改基于第{expected}版）。您的修改未保存：请重新载入查看对方的修改，再重新录入您的修改。</translation>
    </message>
    <message>
        <source>A foreign organisation&apos;s country cannot be China (CHN): enter a Chinese organisation with its unified social credit code.</source>
        <translation>外国企业或组织的国家不能是中国（CHN）：中国的组织请按法人或非法人组织填写统一社会信用代码。</translation>
    </message>
    <message>
        <source>This store already holds sample data ({made}): make a new data folder for another demo.</source>
        <translation>此数据库已含演示数据（{made}）：如需再次演示，请新建数据文件夹。</translation>
    </message>
    <message>
        <source>This store already holds cases: sample data goes only into a new data folder, never beside real cases.</source>
        <translation>此数据库已有案件：演示数据只写入新的数据文件夹，不与真实案件混放。</translation>
    </message>
    <message>
        <source>The sample data is worked by a user “{name}” with the role {role}, but the user of that name here is disabled or lacks that role.</source>
        <translation>演示数据由角色为 {role} 的用户“{name}”办理，但此处同名用户已停用或不具备该角色。</translation>
    </message>
    <message>
        <source>The number of cases must be from 1 to {limit}.</source>
        <translation>案件数量须在 1 至 {limit} 之间。</translation>
    </message>
    <message>
        <source>The sample data needs its staff ({names}): give their initial password.</source>
        <translation>演示数据需要其工作人员（{names}）：请提供他们的初始密码。</translation>
    </message>
    <message>
        <source>Case {number} still has open sittings ({times}): close and seal their minutes, or cancel them, before archiving its file.</source>
        <translation>案件{number}尚有未结束的调解会（{times}）：请先结束并签章其笔录或取消该调解会，再将卷宗归档。</translation>
    </message>
    <message>
        <source>The file of case {number} was archived already (by {user}, {time}); it is archived once.</source>
        <translation>案件{number}的卷宗已归档（{user}，{time}），不能重复归档。</translation>
    </message>
    <message>
        <source>The file of case {number} is incomplete (missing: {parts}); give a reason to archive it as it is.</source>
        <translation>案件{number}的卷宗材料不全（缺少：{parts}）；须填写理由方可归档。</translation>
    </message>
    <message>
        <source>“{value}” is not a retention period; use one of: {values}.</source>
        <translation>“{value}”不是保管期限；可用：{values}。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of obligation; use one of: {values}.</source>
        <translation>“{value}”不是履行事项类别；可选：{values}。</translation>
    </message>
    <message>
        <source>Performance is recorded while an agreement is being performed; case {number} is “{status}”.</source>
        <translation>只能在协议履行期间登记履行；案件{number}处于“{status}”。</translation>
    </message>
    <message>
        <source>{given} is before the agreement took effect ({effective}).</source>
        <translation>{given} 早于协议生效日期（{effective}）。</translation>
    </message>
    <message>
        <source>The {field} must be more than 0.</source>
        <translation>{field}必须大于0。</translation>
    </message>
    <message>
        <source>Give either one due date or instalments, not both.</source>
        <translation>请填写一个履行期限或分期，不能同时填写。</translation>
    </message>
    <message>
        <source>At most {limit} instalments.</source>
        <translation>最多 {limit} 期。</translation>
    </message>
    <message>
        <source>Every instalment needs its amount.</source>
        <translation>每一期都须填写金额。</translation>
    </message>
    <message>
        <source>The instalments add up to {added} yuan, not the {total} yuan due.</source>
        <translation>各期金额合计 {added} 元，与应付的 {total} 元不符。</translation>
    </message>
    <message>
        <source>The instalments&apos; due dates must follow one another in order.</source>
        <translation>各期履行期限须按先后顺序排列。</translation>
    </message>
    <message>
        <source>Only a payment has a sum and instalments; an act has one due date.</source>
        <translation>只有支付款项有金额和分期；其他履行事项只有一个履行期限。</translation>
    </message>
    <message>
        <source>There is no obligation {id}.</source>
        <translation>没有履行事项 {id}。</translation>
    </message>
    <message>
        <source>Obligation {id} is already fully performed; nothing more can be recorded against it.</source>
        <translation>履行事项 {id} 已全部履行，不能再登记。</translation>
    </message>
    <message>
        <source>The sum paid must be more than 0 and at most the {outstanding} yuan still due.</source>
        <translation>支付金额须大于0且不超过尚欠的 {outstanding} 元。</translation>
    </message>
    <message>
        <source>A sum is paid only towards a payment.</source>
        <translation>只有支付款项才登记支付金额。</translation>
    </message>
    <message>
        <source>At most {limit} proof items.</source>
        <translation>最多 {limit} 份履行凭证。</translation>
    </message>
    <message>
        <source>Evidence item {item} is not an item of case {number}; proof of performance is taken from the case&apos;s own evidence.</source>
        <translation>证据 {item} 不属于案件{number}；履行凭证须取自本案证据。</translation>
    </message>
    <message>
        <source>“{path}” could not be taken in ({reason}); the performance was not recorded.</source>
        <translation>“{path}”未能入库（{reason}）；履行情况未登记。</translation>
    </message>
    <message>
        <source>Instalment {row}: the due date is not a date (YYYY-MM-DD).</source>
        <translation>第{row}期：履行期限不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid {field}: use one of {allowed}.</source>
        <translation>“{value}”不是有效的{field}：请使用 {allowed} 之一。</translation>
    </message>
    <message>
        <source>The field {field} needs a time with its time zone.</source>
        <translation>字段{field}需要带时区的时间。</translation>
    </message>
    <message>
        <source>The minutes of sitting {sitting} are sealed and read-only; correct an entry with an addendum.</source>
        <translation>第 {sitting} 号调解会的笔录已签章，只读；如需更正某条记录，请制作补正。</translation>
    </message>
    <message>
        <source>Sitting {sitting} was cancelled; nothing more is recorded in it.</source>
        <translation>第 {sitting} 号调解会已取消，不再记录任何内容。</translation>
    </message>
    <message>
        <source>Case {case} has no party {party}.</source>
        <translation>案件{case}没有第 {party} 号当事人。</translation>
    </message>
    <message>
        <source>Case {case} has no agent {agent}.</source>
        <translation>案件{case}没有第 {agent} 号委托代理人。</translation>
    </message>
    <message>
        <source>There is no user “{user}”.</source>
        <translation>没有用户“{user}”。</translation>
    </message>
    <message>
        <source>List at most {limit} attendees.</source>
        <translation>参加人员最多 {limit} 名。</translation>
    </message>
    <message>
        <source>Sitting {sitting} already has {count} minutes entries: close it as adjourned instead of cancelling it.</source>
        <translation>第 {sitting} 号调解会已有 {count} 条笔录：请以休会结束，而不是取消。</translation>
    </message>
    <message>
        <source>The field {field} must be from 1 to {limit}.</source>
        <translation>字段{field}必须在 1 至 {limit} 之间。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font for documents was found: install AR PL UMing (Debian: apt install fonts-arphic-uming) or SimSun, then try again.</source>
        <translation>未找到用于生成文书的中文 TrueType 字体：请安装 AR PL UMing（Debian：apt install fonts-arphic-uming）或宋体（SimSun）后重试。</translation>
    </message>
    <message>
        <source>The document cannot be printed: the font has no glyph for {characters} (in “{excerpt}”). Nothing was written; change that text in the case (e.g. to the common form of the character), or install a font that has it.</source>
        <translation>无法生成文书：字体中没有{characters}的字形（见“{excerpt}”）。未写出任何文件；请在案件中修改该处文字（例如改用该字的通用规范字形），或安装含有该字的字体。</translation>
    </message>
    <message>
        <source>There is no document “{kind}”; the documents are: {kinds}.</source>
        <translation>没有“{kind}”这种文书；可生成的文书为：{kinds}。</translation>
    </message>
    <message>
        <source>Case {number} has no written agreement in force: the papers for judicial confirmation follow a signed mediation agreement (Civil Procedure Law art. 205).</source>
        <translation>案件{number}没有已生效的书面调解协议：申请司法确认的材料须以已签署的人民调解协议书为前提（民事诉讼法第二百零五条）。</translation>
    </message>
    <message>
        <source>{court} is no longer an active court of the office&apos;s list.</source>
        <translation>{court}已不是本机构法院名录中的在用法院。</translation>
    </message>
    <message>
        <source>No court of the office&apos;s list fits case {number} (Civil Procedure Law art. 205): choose the court to address, or add it to the list.</source>
        <translation>本单位法院名录中没有适合案件{number}的法院（民事诉讼法第二百零五条）：请选择受理申请的法院，或将其加入名录。</translation>
    </message>
    <message>
        <source>The agreement of case {number} took effect on {effective}: the parties could apply for judicial confirmation until {last} (Civil Procedure Law art. 205, 30 days). A court refuses a later application.</source>
        <translation>案件{number}的调解协议于{effective}生效，当事人申请司法确认的期限至{last}止（民事诉讼法第二百零五条，三十日）。逾期申请，人民法院不予受理。</translation>
    </message>
    <message>
        <source>“{value}” is not a court level; use one of: {levels}.</source>
        <translation>“{value}”不是法院层级，请使用：{levels}。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of IP jurisdiction; use one of: {kinds}.</source>
        <translation>“{value}”不是知识产权案件管辖类别，请使用：{kinds}。</translation>
    </message>
    <message>
        <source>A basic court does not hear technical IP cases at first instance (SPC 2022 provisions on IP jurisdiction, art. 1).</source>
        <translation>基层人民法院不管辖技术类知识产权第一审案件（《最高人民法院关于第一审知识产权民事、行政案件管辖的若干规定》第一条）。</translation>
    </message>
    <message>
        <source>The list already has a court named {name}.</source>
        <translation>法院名录中已有名为{name}的法院。</translation>
    </message>
    <message>
        <source>The office&apos;s list has no court {court}.</source>
        <translation>本机构法院名录中没有法院{court}。</translation>
    </message>
    <message>
        <source>There is no document {document} in this office&apos;s registry.</source>
        <translation>本机构的文书登记中没有第 {document} 号文书。</translation>
    </message>
    <message>
        <source>The number of copies must be from 1 to {most}; {copies} is not.</source>
        <translation>打印份数须为 1 至 {most}；{copies} 不符合。</translation>
    </message>
    <message>
        <source>Document {document} is not one of case {case}.</source>
        <translation>第 {document} 号文书不属于案件{case}。</translation>
    </message>
    <message>
        <source>The agreement of case {number} was finalised (agreement {id}, in effect from {day}); it is not changed any more. Write a supplementary agreement (补充协议) for what the parties agree now.</source>
        <translation>案件 {number} 的调解协议已定稿（协议 {id}，自 {day} 起生效），不再修改。当事人新达成的内容请订立补充协议。</translation>
    </message>
    <message>
        <source>An agreement is drafted for a case in mediation; case {number} is “{status}”.</source>
        <translation>调解协议只能为调解中的案件起草；案件 {number} 现为“{status}”。</translation>
    </message>
    <message>
        <source>A supplementary agreement supplements the finalised agreement of its case; case {number} has {main}.</source>
        <translation>补充协议须补充本案已定稿的调解协议；案件 {number} 的情况：{main}。</translation>
    </message>
    <message>
        <source>The draft is too large to be saved.</source>
        <translation>草稿过大，无法保存。</translation>
    </message>
    <message>
        <source>The field {field} still has a blank (____) to fill in.</source>
        <translation>“{field}”中还有待填写的空白（____）。</translation>
    </message>
    <message>
        <source>The {field} is zero; leave it empty if nothing is paid.</source>
        <translation>{field}为零；不涉及给付的，请留空。</translation>
    </message>
    <message>
        <source>The {field} ({day}) is already past: a term falls due after the agreement.</source>
        <translation>{field}（{day}）已过：履行期限应在协议生效之后。</translation>
    </message>
    <message>
        <source>The {field} ({day}) is after the deadline of performance ({deadline}).</source>
        <translation>{field}（{day}）晚于履行期限（{deadline}）。</translation>
    </message>
    <message>
        <source>A sum paid in instalments has their due dates, not one date ({field}).</source>
        <translation>分期支付的款项以各期日期为准，不另设一个日期（{field}）。</translation>
    </message>
    <message>
        <source>Instalments divide the clause&apos;s amount; the {field} is missing.</source>
        <translation>分期是对本条金额的划分；缺少{field}。</translation>
    </message>
    <message>
        <source>A clause has at most {limit} instalments.</source>
        <translation>一个条款最多分 {limit} 期。</translation>
    </message>
    <message>
        <source>The instalments add up to {total} yuan, not the clause&apos;s {amount} yuan ({field}).</source>
        <translation>各期合计 {total} 元，与本条金额 {amount} 元不符（{field}）。</translation>
    </message>
    <message>
        <source>Instalment {number} falls due on {day}, not after the one before it ({before}).</source>
        <translation>第 {number} 期的日期 {day} 不晚于前一期（{before}）。</translation>
    </message>
    <message>
        <source>The font has no glyph for {characters} (in {field}); write the common form of the character, or install a font that has it.</source>
        <translation>字体中没有 {characters} 的字形（在“{field}”中）；请改用该字的通用写法，或安装含有该字的字体。</translation>
    </message>
    <message>
        <source>An agreement is between an applicant and a respondent; add the parties to the case first.</source>
        <translation>调解协议须有申请人和被申请人；请先在案件中添加当事人。</translation>
    </message>
    <message>
        <source>An agreement has at least one clause.</source>
        <translation>调解协议至少应有一条协议条款。</translation>
    </message>
    <message>
        <source>An agreement has at most {limit} clauses.</source>
        <translation>调解协议最多 {limit} 条。</translation>
    </message>
    <message>
        <source>The agreement has payments: the deadline of performance is required.</source>
        <translation>协议涉及给付款项，须写明履行期限。</translation>
    </message>
    <message>
        <source>The agreement is made in at least {least} copies (one for each of the {parties} parties and one for the committee), at most {most}.</source>
        <translation>协议书至少一式 {least} 份（{parties} 方当事人各一份，人民调解委员会一份），最多 {most} 份。</translation>
    </message>
    <message>
        <source>Clause {number} confirms who owns a right (确权): a court does not accept such an agreement for judicial confirmation ({law}, item (5): 调解协议内容涉及物权、知识产权确权的). The agreement still binds the parties.</source>
        <translation>第 {number} 条涉及权利归属的确认（确权）：此类协议人民法院不予受理司法确认申请（{law}第（五）项：调解协议内容涉及物权、知识产权确权的）。协议对当事人仍有约束力。</translation>
    </message>
    <message>
        <source>Clause {number} touches a status matter (marriage, parentage, adoption): a court does not confirm it ({law}, item (3): 申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除的).</source>
        <translation>第 {number} 条涉及身份关系（婚姻、亲子、收养）：人民法院不予司法确认（{law}第（三）项：申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除的）。</translation>
    </message>
    <message>
        <source>{user} may not finalise the agreement of case {number}: that is for a mediator assigned to it ({mediators}).</source>
        <translation>{user} 不能为案件 {number} 的调解协议定稿：应由本案调解员（{mediators}）办理。</translation>
    </message>
    <message>
        <source>The agreement cannot be finalised yet; put these right first: {problems}</source>
        <translation>调解协议尚不能定稿，请先更正：{problems}</translation>
    </message>
    <message>
        <source>The agreement of case {number} is already finalised.</source>
        <translation>案件 {number} 的调解协议已定稿。</translation>
    </message>
    <message>
        <source>The outcome of case {number} already records a written agreement signed {recorded}, in effect from {day}; the finalising says otherwise ({given}). Give the same signatures and date, or correct the outcome first.</source>
        <translation>案件 {number} 的调解结果已记录书面协议（签名：{recorded}，自 {day} 起生效），与本次定稿所填不一致（{given}）。请填写相同的签名和日期，或先更正调解结果。</translation>
    </message>
    <message>
        <source>Case {number} has no agreement draft to finalise; write and save one first.</source>
        <translation>案件 {number} 没有可定稿的协议草稿；请先起草并保存。</translation>
    </message>
    <message>
        <source>An agreement is finalised for a case in mediation (or one whose written agreement is recorded as its outcome); case {number} is “{status}”.</source>
        <translation>调解协议只能为调解中的案件（或已记录书面协议结果的案件）定稿；案件 {number} 现为“{status}”。</translation>
    </message>
    <message>
        <source>The supplementary agreement takes effect between its last signature ({last}) and today; not on {given}.</source>
        <translation>补充协议的生效日期应在最后签名日（{last}）至今天之间，不能是 {given}。</translation>
    </message>
    <message>
        <source>Case {number} has no finalised agreement yet: a supplementary agreement comes after it.</source>
        <translation>案件 {number} 的调解协议尚未定稿：补充协议须在其后订立。</translation>
    </message>
    <message>
        <source>The agreement of case {number} is not finalised yet; preview the draft in the agreement editor (or “mediseal agreement check”), and finalise it once the parties have signed.</source>
        <translation>案件 {number} 的调解协议尚未定稿；请在协议书编辑器中预览草稿（或使用“mediseal agreement check”），当事人签名后再定稿。</translation>
    </message>
    <message>
        <source>Case {number} has no finalised supplementary agreement{which}.</source>
        <translation>案件 {number} 没有已定稿的补充协议{which}。</translation>
    </message>
    <message>
        <source>The draft&apos;s {path} cannot be read: “{value}”.</source>
        <translation>草稿的 {path} 无法读取：“{value}”。</translation>
    </message>
    <message>
        <source>The draft&apos;s {path} “{value}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>草稿的 {path}“{value}”不是日期；请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>The draft&apos;s {path} must be written as a string of digits (&quot;1409.50&quot;), not {value}.</source>
        <translation>草稿的 {path} 应写成数字字符串（&quot;1409.50&quot;），而不是 {value}。</translation>
    </message>
    <message>
        <source>The draft&apos;s {path} “{text}” is not a sum of money; write it like 1409.50.</source>
        <translation>草稿的 {path}“{text}”不是金额；请写成 1409.50 这样的形式。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of clause ({path}); use one of: {values}.</source>
        <translation>“{value}”不是条款类别（{path}）；可用：{values}。</translation>
    </message>
    <message>
        <source>Each instalment has a due date and an amount ({path}).</source>
        <translation>每一期都应有日期和金额（{path}）。</translation>
    </message>
    <message>
        <source>Case {number} has no party {party}; its parties are: {parties}.</source>
        <translation>案件{number}没有当事人{party}；该案当事人为：{parties}。</translation>
    </message>
    <message>
        <source>Case {number} has no parties yet.</source>
        <translation>案件{number}尚未登记当事人。</translation>
    </message>
    <message>
        <source>Case {number} has no evidence items.</source>
        <translation>案件{number}没有证据。</translation>
    </message>
    <message>
        <source>Case {number} has no evidence item {items}.</source>
        <translation>案件{number}没有证据{items}。</translation>
    </message>
    <message>
        <source>The evidence list checks each file in the vault when it is printed: give it the store&apos;s vault.</source>
        <translation>证据清单在打印时须核验证据库中的每个文件：请提供本数据目录的证据库。</translation>
    </message>
    <message>
        <source>Name the sitting whose minutes to print; case {number} has the sittings {sittings}.</source>
        <translation>请指定要打印记录的调解会；案件{number}的调解会有：{sittings}。</translation>
    </message>
    <message>
        <source>Case {number} has no sitting {sitting}; its sittings are {sittings}.</source>
        <translation>案件{number}没有调解会{sitting}；该案的调解会有：{sittings}。</translation>
    </message>
    <message>
        <source>Case {number} has no oral agreement on record (People&apos;s Mediation Law art. 28).</source>
        <translation>案件{number}没有登记口头协议（人民调解法第二十八条）。</translation>
    </message>
    <message>
        <source>Matter {number} has no preservation record.</source>
        <translation>事项{number}没有保全证据记录。</translation>
    </message>
    <message>
        <source>Case {number} has no follow-up visit recorded.</source>
        <translation>案件{number}尚无回访记录。</translation>
    </message>
    <message>
        <source>Name the visit to print; case {number} has the visits {visits}.</source>
        <translation>请指定要打印的回访；案件{number}的回访有：{visits}。</translation>
    </message>
    <message>
        <source>Case {number} has no visit {visit}; its visits are {visits}.</source>
        <translation>案件{number}没有回访{visit}；该案的回访有：{visits}。</translation>
    </message>
    <message>
        <source>The sealed record {record} of case {case} differs from what was logged, so no package was made. Run a verification to see what differs.</source>
        <translation>案件 {case} 的签章记录 {record} 与存证日志所记不符，未生成证据包。请运行核验查看不符之处。</translation>
    </message>
    <message>
        <source>Evidence item {item} is not one of case {case}.</source>
        <translation>证据 {item} 不属于案件 {case}。</translation>
    </message>
    <message>
        <source>Evidence item {item}&apos;s file name {name} cannot name a file in a package.</source>
        <translation>证据 {item} 的文件名 {name} 不能用作证据包中的文件名。</translation>
    </message>
    <message>
        <source>No signed checkpoint covers the evidence of this package, and {user} holds no signing key to sign one. Sign a checkpoint (`mediseal checkpoint`), or make a signing key, then export again.</source>
        <translation>尚无已签署的检查点覆盖本证据包中的证据，且 {user} 没有可用的签名密钥来签署检查点。请先签署检查点（`mediseal checkpoint`）或创建签名密钥，然后重新导出。</translation>
    </message>
    <message>
        <source>The CA file holds no PEM certificate.</source>
        <translation>CA 证书文件中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>The timestamp authority&apos;s address must be an http:// or https:// URL (not “{value}”).</source>
        <translation>时间戳服务机构的地址须为 http:// 或 https:// 网址（而非“{value}”）。</translation>
    </message>
    <message>
        <source>“{file}” cannot be read as a package: {reason}</source>
        <translation>无法将“{file}”作为证据包读取：{reason}</translation>
    </message>
    <message>
        <source>“{file}” holds no evidence items; nothing was imported.</source>
        <translation>“{file}”中没有证据，未导入任何内容。</translation>
    </message>
    <message>
        <source>This package&apos;s items are already imported into case {number} (items {items}); nothing was imported again.</source>
        <translation>此证据包中的证据已导入案件 {number}（证据 {items}），未重复导入。</translation>
    </message>
    <message>
        <source>“{file}” changed while it was being imported; nothing was imported. Import it again once nothing is writing to it.</source>
        <translation>“{file}”在导入过程中发生变化，未导入任何内容。请在没有程序写入该文件后重新导入。</translation>
    </message>
    <message>
        <source>{file} in the package differs from its record; nothing was imported.</source>
        <translation>证据包中的 {file} 与其记录不符，未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>entry {seq} ({kind}, {subject}) does not match its ledger leaf</source>
        <translation>存证日志第 {seq} 条（{kind}，{subject}）与其默克尔叶节点不符</translation>
    </message>
    <message>
        <source>case {case}</source>
        <translation>案件{case}</translation>
    </message>
    <message>
        <source>a stored {what} does not match any ledger entry (it was changed or added outside Mediseal)</source>
        <translation>所存的一条{what}与存证日志中的任何记录都不符（已在Mediseal之外被修改或添加）</translation>
    </message>
    <message>
        <source>the ledger records a {what} the store no longer holds</source>
        <translation>存证日志记载的一条{what}已不在库中</translation>
    </message>
    <message>
        <source>move</source>
        <translation>案件状态变更</translation>
    </message>
    <message>
        <source>its status is “{found}” but its recorded moves end at “{expected}”</source>
        <translation>其状态为“{found}”，但其记载的状态变更止于“{expected}”</translation>
    </message>
    <message>
        <source>mediator assignment</source>
        <translation>调解员指派</translation>
    </message>
    <message>
        <source>the ledger records its addition (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记载了其添加（第{seq}条），但库中已没有它</translation>
    </message>
    <message>
        <source>version {version} of {subject} does not match the entry that logged it</source>
        <translation>{subject}的第{version}版与记载它的日志条目不符</translation>
    </message>
    <message>
        <source>the ledger records a version of {subject} (entry {seq}) the store no longer holds</source>
        <translation>存证日志记载的{subject}的一个版本（第{seq}条）已不在库中</translation>
    </message>
    <message>
        <source>{subject} as stored now differs from its latest recorded version</source>
        <translation>{subject}的现存内容与其最近记载的版本不符</translation>
    </message>
    <message>
        <source>no ledger entry records its opening</source>
        <translation>存证日志中没有其受理记录</translation>
    </message>
    <message>
        <source>its record does not match the digest logged when it was opened or last changed (a field was changed)</source>
        <translation>其记录与登记或最近一次修改时记入日志的摘要不符（有字段被改动）</translation>
    </message>
    <message>
        <source>the ledger records its opening (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记载了其受理（第 {seq} 条），但数据库中已没有该案件</translation>
    </message>
    <message>
        <source>item {item} ({name})</source>
        <translation>第 {item} 号证据（{name}）</translation>
    </message>
    <message>
        <source>no ledger entry records its ingest</source>
        <translation>存证日志中没有其入库记录</translation>
    </message>
    <message>
        <source>its record does not match the digest logged at ingest (a field was changed)</source>
        <translation>其记录与入库时存证日志记载的摘要不符（有字段被改动）</translation>
    </message>
    <message>
        <source>its stored record digest was changed</source>
        <translation>其保存的记录摘要被改动</translation>
    </message>
    <message>
        <source>item {item}</source>
        <translation>第 {item} 号证据</translation>
    </message>
    <message>
        <source>the ledger records its ingest (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记载了其入库（第 {seq} 条），但数据库中已没有该证据</translation>
    </message>
    <message>
        <source>its file is missing from the vault</source>
        <translation>存证库中缺少其文件</translation>
    </message>
    <message>
        <source>its file cannot be read from the vault ({reason})</source>
        <translation>无法从存证库读取其文件（{reason}）</translation>
    </message>
    <message>
        <source>the file&apos;s SHA-256 digest in the vault differs from its record</source>
        <translation>SHA-256 摘要不符（存证库中的文件与其记录不一致）</translation>
    </message>
    <message>
        <source>the file&apos;s SM3 digest in the vault differs from its record</source>
        <translation>SM3 摘要不符（存证库中的文件与其记录不一致）</translation>
    </message>
    <message>
        <source>the file&apos;s size in the vault differs from its record</source>
        <translation>文件大小不符（存证库中的文件与其记录不一致）</translation>
    </message>
    <message>
        <source>blob {blob}</source>
        <translation>存证库文件 {blob}</translation>
    </message>
    <message>
        <source>its database row is missing</source>
        <translation>数据库中缺少其记录行</translation>
    </message>
    <message>
        <source>its database row does not match the items&apos; records</source>
        <translation>其数据库记录行与证据记录不一致</translation>
    </message>
    <message>
        <source>the ledger records a seal (entry {seq}) that the store no longer holds</source>
        <translation>存证日志记载了一次签章（第 {seq} 条），但数据库中已没有该签章</translation>
    </message>
    <message>
        <source>seal {seal} on item {item} ({name}) by {signer}</source>
        <translation>{signer} 对第 {item} 号证据（{name}）的第 {seal} 号签章</translation>
    </message>
    <message>
        <source>it names another record digest than the item&apos;s</source>
        <translation>签章所指的记录摘要与该证据的不同</translation>
    </message>
    <message>
        <source>the signature does not verify over the item&apos;s record</source>
        <translation>签名与该证据的记录核对不通过</translation>
    </message>
    <message>
        <source>no ledger entry records this seal (it was added or changed afterwards)</source>
        <translation>存证日志中没有这次签章的记录（签章系事后添加或改动）</translation>
    </message>
    <message>
        <source>the vault holds a file no item uses ({blob}…), probably from an interrupted ingest</source>
        <translation>存证库中有一个未被任何证据使用的文件（{blob}…），可能来自一次中断的入库</translation>
    </message>
    <message>
        <source>{about}: {said}</source>
        <translation>{about}：{said}</translation>
    </message>
    <message>
        <source>checkpoint {checkpoint}</source>
        <translation>检查点 {checkpoint}</translation>
    </message>
    <message>
        <source>its root does not match the ledger&apos;s first {size} entries</source>
        <translation>其根哈希与存证日志前 {size} 条记录不符</translation>
    </message>
    <message>
        <source>entry {seq} is missing</source>
        <translation>存证日志第 {seq} 条缺失</translation>
    </message>
    <message>
        <source>the ledger leaf of entry {seq} ({kind}, {subject}) is missing</source>
        <translation>存证日志第 {seq} 条（{kind}，{subject}）的默克尔叶节点缺失</translation>
    </message>
    <message>
        <source>checkpoint {checkpoint} covers {size} entries but the ledger has {entries}</source>
        <translation>检查点 {checkpoint} 覆盖 {size} 条记录，但存证日志只有 {entries} 条</translation>
    </message>
    <message>
        <source>Merkle node {node} does not match its children</source>
        <translation>默克尔树节点 {node} 与其子节点不符</translation>
    </message>
    <message>
        <source>level {level} of the ledger&apos;s tree holds {count} node(s) from index {first} on, beyond the ledger&apos;s {size} entries</source>
        <translation>存证日志默克尔树第 {level} 层从序号 {first} 起有 {count} 个节点，超出了存证日志的 {size} 条记录</translation>
    </message>
    <message>
        <source>checkpoint {checkpoint} is missing (the checkpoints after it remain)</source>
        <translation>检查点 {checkpoint} 缺失（其后的检查点仍在）</translation>
    </message>
    <message>
        <source>bad signature by {signer}</source>
        <translation>{signer} 的签名核对不通过</translation>
    </message>
    <message>
        <source>{appended} entries were appended but the ledger ends at {size}</source>
        <translation>存证日志曾追加 {appended} 条记录，但现在止于第 {size} 条</translation>
    </message>
    <message>
        <source>the ledger numbers {size} entries but holds {stored}</source>
        <translation>存证日志编号到 {size} 条，实际只有 {stored} 条</translation>
    </message>
    <message>
        <source>its stored id differs from its sealed text</source>
        <translation>其保存的编号与签章文本不一致</translation>
    </message>
    <message>
        <source>its stored notary differs from its sealed text</source>
        <translation>其保存的公证员与签章文本不一致</translation>
    </message>
    <message>
        <source>its stored time differs from its sealed text</source>
        <translation>其保存的时间与签章文本不一致</translation>
    </message>
    <message>
        <source>preservation record {record}</source>
        <translation>第 {record} 号保全证据记录</translation>
    </message>
    <message>
        <source>its version is not one Mediseal writes</source>
        <translation>其版本不是 Mediseal 所写的版本</translation>
    </message>
    <message>
        <source>it corrects another record without stating why</source>
        <translation>更正了另一份记录但未说明理由</translation>
    </message>
    <message>
        <source>it is filed under another case than it names</source>
        <translation>其归入的案件与记录中写明的案件不同</translation>
    </message>
    <message>
        <source>the record it corrects differs from the one it names</source>
        <translation>其更正的记录与记录中写明的不同</translation>
    </message>
    <message>
        <source>the item it lists as {item} differs from the stored item</source>
        <translation>记录中列出的第 {item} 号证据与库中保存的不一致</translation>
    </message>
    <message>
        <source>sitting {sitting}</source>
        <translation>第 {sitting} 号调解会</translation>
    </message>
    <message>
        <source>sealed minutes {record} of sitting {sitting}</source>
        <translation>第 {sitting} 号调解会的第 {record} 号已签章笔录</translation>
    </message>
    <message>
        <source>version {version} of {what} does not match the entry that logged it</source>
        <translation>{what}的第 {version} 版与记载它的存证日志条目不符</translation>
    </message>
    <message>
        <source>the ledger records a version of {what} (entry {seq}) the store no longer holds</source>
        <translation>存证日志记载了{what}的一个版本（第 {seq} 条），但库中已不存在</translation>
    </message>
    <message>
        <source>{what} as stored now differs from its latest recorded version</source>
        <translation>{what}现存内容与其最新记录版本不符</translation>
    </message>
    <message>
        <source>sealed agreement {record}</source>
        <translation>已签章的调解协议 {record}</translation>
    </message>
    <message>
        <source>sealed supplementary agreement {record}</source>
        <translation>已签章的补充协议 {record}</translation>
    </message>
    <message>
        <source>no ledger entry records its sealing</source>
        <translation>存证日志中没有其签章记录</translation>
    </message>
    <message>
        <source>it does not match the digest logged when it was sealed</source>
        <translation>其与签章时存证日志记载的摘要不符</translation>
    </message>
    <message>
        <source>its text is not a canonical agreement record</source>
        <translation>其文本不是规范的调解协议记录</translation>
    </message>
    <message>
        <source>the ledger records a sealed agreement (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记录了一份已签章的调解协议（第 {seq} 条），但存储中已没有该协议</translation>
    </message>
    <message>
        <source>its text is not a canonical minutes record of its kind</source>
        <translation>其文本不是该类笔录的规范记录</translation>
    </message>
    <message>
        <source>its stored columns differ from its sealed text</source>
        <translation>其存储字段与签章文本不符</translation>
    </message>
    <message>
        <source>it names other minutes than its sitting&apos;s sealed minutes</source>
        <translation>其所指笔录不是本次调解会已签章的笔录</translation>
    </message>
    <message>
        <source>entry {seq} of its sealed minutes is no longer stored</source>
        <translation>已签章笔录的第 {seq} 条已不存在</translation>
    </message>
    <message>
        <source>entry {seq} is not in its sealed minutes (added after sealing)</source>
        <translation>第 {seq} 条不在已签章笔录中（签章后添加）</translation>
    </message>
    <message>
        <source>entry {seq} differs from its sealed minutes</source>
        <translation>第 {seq} 条与已签章笔录不符</translation>
    </message>
    <message>
        <source>the sitting&apos;s record</source>
        <translation>调解会记录</translation>
    </message>
    <message>
        <source>entry {seq}</source>
        <translation>第 {seq} 条</translation>
    </message>
    <message>
        <source>it is marked sealed but its sealed minutes are not stored</source>
        <translation>标记为已签章，但已签章笔录不存在</translation>
    </message>
    <message>
        <source>the signing by {name} ({id}) does not match the entry that logged it</source>
        <translation>{name} 的签名记录（第 {id} 号）与记载它的存证日志条目不符</translation>
    </message>
    <message>
        <source>the ledger records {what} (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记载了{what}（第 {seq} 条），但库中已不存在</translation>
    </message>
    <message>
        <source>a sitting</source>
        <translation>一次调解会</translation>
    </message>
    <message>
        <source>a minutes entry</source>
        <translation>一条笔录</translation>
    </message>
    <message>
        <source>an addendum</source>
        <translation>一份补正</translation>
    </message>
    <message>
        <source>sealed minutes</source>
        <translation>已签章笔录</translation>
    </message>
    <message>
        <source>a signing of minutes</source>
        <translation>一条笔录签名记录</translation>
    </message>
    <message>
        <source>outcome {record} of case {case}</source>
        <translation>案件{case}的调解结果 {record}</translation>
    </message>
    <message>
        <source>an outcome of case {case}</source>
        <translation>案件{case}的一项调解结果</translation>
    </message>
    <message>
        <source>obligation {record} of case {case}</source>
        <translation>案件{case}的履行事项 {record}</translation>
    </message>
    <message>
        <source>an obligation of case {case}</source>
        <translation>案件{case}的一项履行事项</translation>
    </message>
    <message>
        <source>performance {record} of case {case}</source>
        <translation>案件{case}的履行记录 {record}</translation>
    </message>
    <message>
        <source>a performance of case {case}</source>
        <translation>案件{case}的一项履行记录</translation>
    </message>
    <message>
        <source>follow-up visit {record} of case {case}</source>
        <translation>案件{case}的回访记录 {record}</translation>
    </message>
    <message>
        <source>a follow-up visit of case {case}</source>
        <translation>案件{case}的一项回访记录</translation>
    </message>
    <message>
        <source>its text is not a canonical record</source>
        <translation>其文本不是规范格式的记录</translation>
    </message>
    <message>
        <source>its stored {what} differs from its record</source>
        <translation>其存储的 {what} 与记录不符</translation>
    </message>
    <message>
        <source>its record does not match the entry that logged it (changed or added outside Mediseal)</source>
        <translation>其记录与存证日志条目不符（在 Mediseal 之外被修改或添加）</translation>
    </message>
    <message>
        <source>the ledger records it (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记载了它（第 {seq} 条），但数据库中已不存在</translation>
    </message>
    <message>
        <source>its case is not in the store</source>
        <translation>其所属案件不在数据库中</translation>
    </message>
    <message>
        <source>the signature does not verify</source>
        <translation>签名核对不通过</translation>
    </message>
    <message>
        <source>it names another certificate than the key that signed it</source>
        <translation>其写明的证书与实际签名所用的签名密钥不符</translation>
    </message>
    <message>
        <source>the ledger records its sealing (entry {seq}) but the store no longer holds it</source>
        <translation>存证日志记载了其签章（第 {seq} 条），但数据库中已没有该记录</translation>
    </message>
    <message>
        <source>signing key {key} ({owner}, {fingerprint})</source>
        <translation>签名密钥 {key}（{owner}，{fingerprint}）</translation>
    </message>
    <message>
        <source>its certificate cannot be read</source>
        <translation>其证书无法读取</translation>
    </message>
    <message>
        <source>its stored certificate is not a readable PEM certificate</source>
        <translation>所存证书不是可读取的 PEM 证书</translation>
    </message>
    <message>
        <source>its certificate is not the one its fingerprint names</source>
        <translation>其证书与指纹所指的证书不符</translation>
    </message>
    <message>
        <source>its stored fingerprint is not the SHA-256 of its certificate</source>
        <translation>所存指纹不是其证书的 SHA-256 摘要</translation>
    </message>
    <message>
        <source>no ledger entry records it</source>
        <translation>存证日志中没有记录</translation>
    </message>
    <message>
        <source>no ledger entry records its creation or import</source>
        <translation>存证日志中没有其创建或导入的记录</translation>
    </message>
    <message>
        <source>the ledger records it as {owner}&apos;s key</source>
        <translation>存证日志记录其为 {owner} 的签名密钥</translation>
    </message>
    <message>
        <source>signing key {fingerprint} ({owner})</source>
        <translation>签名密钥 {fingerprint}（{owner}）</translation>
    </message>
    <message>
        <source>the ledger records it (entry {entry}, {kind}) but the store no longer holds it</source>
        <translation>存证日志有记录（第 {entry} 条，{kind}），但本机已不存有该签名密钥</translation>
    </message>
    <message>
        <source>the ledger records its revocation (entry {entry}) but its row lets it sign again</source>
        <translation>存证日志记录其已吊销（第 {entry} 条），但数据库中该签名密钥又可签名</translation>
    </message>
    <message>
        <source>its row marks it revoked but no ledger entry records a revocation</source>
        <translation>数据库标记其已吊销，但存证日志中没有吊销记录</translation>
    </message>
    <message>
        <source>its stored revocation reason is not the one the ledger recorded (entry {entry})</source>
        <translation>所存吊销理由与存证日志记录的不符（第 {entry} 条）</translation>
    </message>
    <message>
        <source>its row gives a revocation reason, but the ledger recorded none (entry {entry})</source>
        <translation>数据库中有吊销理由，但存证日志记录的吊销没有理由（第 {entry} 条）</translation>
    </message>
    <message>
        <source>its row gives another revocation time than the ledger</source>
        <translation>数据库中的吊销时间与存证日志不符</translation>
    </message>
    <message>
        <source>its certificate is not known here (no such key)</source>
        <translation>本机不认识其证书（无此签名密钥）</translation>
    </message>
    <message>
        <source>its certificate is not known here ({why})</source>
        <translation>本机不认识其证书（{why}）</translation>
    </message>
    <message>
        <source>signed with {owner}&apos;s key but names {name}</source>
        <translation>用 {owner} 的签名密钥签署，却署名 {name}</translation>
    </message>
    <message>
        <source>signed after its key was revoked</source>
        <translation>在签名密钥吊销之后签署</translation>
    </message>
    <message>
        <source>its key was revoked later ({time}); the seal predates that and stays valid</source>
        <translation>其签名密钥后来被吊销（{time}）；签章早于吊销，仍然有效</translation>
    </message>
    <message>
        <source>its key was logged at entry {key_entry}, after entry {entry} that it follows</source>
        <translation>其签名密钥记录于第 {key_entry} 条，晚于它所签署的第 {entry} 条</translation>
    </message>
    <message>
        <source>signed outside its certificate&apos;s validity</source>
        <translation>在证书有效期之外签署</translation>
    </message>
    <message>
        <source>entry {entry}</source>
        <translation>第 {entry} 条</translation>
    </message>
    <message>
        <source>the defaults (no change is recorded)</source>
        <translation>默认值，存证日志中没有更改记录</translation>
    </message>
    <message>
        <source>the office&apos;s settings</source>
        <translation>本机构设置</translation>
    </message>
    <message>
        <source>the idle lock ({minutes} minutes) differs from what the ledger last recorded ({source})</source>
        <translation>闲置锁定时间（{minutes} 分钟）与存证日志最后记载的不符（{source}）</translation>
    </message>
    <message>
        <source>the name “{name}” or the prefix “{prefix}”</source>
        <translation>名称“{name}”或案件编号前缀“{prefix}”</translation>
    </message>
    <message>
        <source>the office (its row is missing)</source>
        <translation>本机构（数据库中缺少其记录行）</translation>
    </message>
    <message>
        <source>the name “{name}” or the prefixes “{prefix}” (mediation cases) and “{notarial}” (notarial matters)</source>
        <translation>名称“{name}”或编号前缀“{prefix}”（调解案件）和“{notarial}”（公证事项）</translation>
    </message>
    <message>
        <source>the office&apos;s name and prefix</source>
        <translation>本机构名称和案件编号前缀</translation>
    </message>
    <message>
        <source>{what} differs from what the ledger last recorded (entry {entry})</source>
        <translation>{what}与存证日志最后记载的不符（第 {entry} 条）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>user {user}</source>
        <translation>用户 {user}</translation>
    </message>
    <message>
        <source>no ledger entry records its creation</source>
        <translation>存证日志中没有其创建记录</translation>
    </message>
    <message>
        <source>its roles ({roles}), real name ({real_name}) or state differ from what the ledger last recorded (entry {entry}, {kind})</source>
        <translation>其角色（{roles}）、姓名（{real_name}）或状态与存证日志最后记载的不符（第 {entry} 条，{kind}）</translation>
    </message>
    <message>
        <source>the ledger records its creation (entry {entry}) but the store no longer holds it</source>
        <translation>存证日志记载了其创建（第 {entry} 条），但数据库中已没有该用户</translation>
    </message>
    <message>
        <source>the case file of {case}</source>
        <translation>案件{case}的卷宗</translation>
    </message>
    <message>
        <source>the ledger records its archiving (entry {seq}) but the store no longer holds the archive record</source>
        <translation>存证日志记有其归档（第 {seq} 条），但归档记录已不在库中</translation>
    </message>
    <message>
        <source>its archive record was never logged in the ledger</source>
        <translation>其归档记录从未记入存证日志</translation>
    </message>
    <message>
        <source>its archive record does not match the entry that logged it (entry {seq})</source>
        <translation>其归档记录与记载它的日志条目（第 {seq} 条）不符</translation>
    </message>
    <message>
        <source>“{title}” ({reference}), archived in it, is no longer in the store</source>
        <translation>归档时在卷的“{title}”（{reference}）已不在库中</translation>
    </message>
    <message>
        <source>“{title}” ({reference}) was changed after the file was archived</source>
        <translation>“{title}”（{reference}）在归档后被改动</translation>
    </message>
    <message>
        <source>“{title}” ({reference}) was added after the file was archived</source>
        <translation>“{title}”（{reference}）在归档后被加入</translation>
    </message>
    <message>
        <source>the filing of evidence item {item} in part “{part}” does not match the entry that logged it</source>
        <translation>证据 {item} 归入“{part}”的记录与记载它的日志条目不符</translation>
    </message>
    <message>
        <source>the ledger records a filing of evidence item {item} the store no longer holds</source>
        <translation>存证日志记有证据 {item} 的归卷，但库中已无此记录</translation>
    </message>
    <message>
        <source>version {version} of its cover does not match the entry that logged it</source>
        <translation>其封面第 {version} 版与记载它的日志条目不符</translation>
    </message>
    <message>
        <source>the ledger records a version of its cover (entry {seq}) the store no longer holds</source>
        <translation>存证日志记有其封面的一个版本（第 {seq} 条），但库中已无此版本</translation>
    </message>
    <message>
        <source>document {document}</source>
        <translation>第 {document} 号文书</translation>
    </message>
    <message>
        <source>print {print} of document {document}</source>
        <translation>第 {document} 号文书的第 {print} 次打印</translation>
    </message>
    <message>
        <source>the documents of {case}</source>
        <translation>案件{case}的文书</translation>
    </message>
    <message>
        <source>no ledger entry records its generation</source>
        <translation>存证日志中没有其生成记录</translation>
    </message>
    <message>
        <source>its record does not match the entry that logged it</source>
        <translation>其记录与登记它的存证日志条目不符</translation>
    </message>
    <message>
        <source>its stored columns differ from its record</source>
        <translation>其存储的字段与其记录不符</translation>
    </message>
    <message>
        <source>its stored PDF is not the one its record names</source>
        <translation>其存储的 PDF 不是其记录所载的文件</translation>
    </message>
    <message>
        <source>its print record does not match the entry that logged it or its document</source>
        <translation>其打印记录与登记它的存证日志条目或其文书不符</translation>
    </message>
    <message>
        <source>the ledger records a generated document (entry {seq}) the store no longer holds</source>
        <translation>存证日志记载了一份已生成的文书（第 {seq} 条），但存储中已不存在</translation>
    </message>
    <message>
        <source>the ledger records a print (entry {seq}) the store no longer holds</source>
        <translation>存证日志记载了一次打印（第 {seq} 条），但存储中已不存在</translation>
    </message>
    <message>
        <source>trusted timestamp of checkpoint {checkpoint}</source>
        <translation>检查点 {checkpoint} 的可信时间戳</translation>
    </message>
    <message>
        <source>the timestamp authority</source>
        <translation>时间戳服务机构</translation>
    </message>
    <message>
        <source>its address, user or CA certificates differ from what the ledger last recorded</source>
        <translation>其地址、用户名或 CA 证书与存证日志最近一次记录的不一致</translation>
    </message>
    <message>
        <source>the digest it covers is not that of its checkpoint&apos;s record</source>
        <translation>其所覆盖的摘要与该检查点记录的摘要不符</translation>
    </message>
    <message>
        <source>the token: {reason}</source>
        <translation>时间戳令牌：{reason}</translation>
    </message>
    <message>
        <source>no timestamp.stored ledger entry records this token</source>
        <translation>存证日志中没有记录此令牌的 timestamp.stored 条目</translation>
    </message>
    <message>
        <source>trusted timestamp {subject}</source>
        <translation>可信时间戳 {subject}</translation>
    </message>
    <message>
        <source>the ledger recorded it stored, the store no longer holds it</source>
        <translation>存证日志记录其已保存，但存储中已不存在</translation>
    </message>
    <message>
        <source>its origin seal by certificate {fingerprint} does not verify</source>
        <translation>其来源签章（证书 {fingerprint}）验证不通过</translation>
    </message>
    <message>
        <source>its origin ledger entry logs another record</source>
        <translation>其来源存证日志条目记录的是另一份记录</translation>
    </message>
    <message>
        <source>its origin inclusion proof does not lead to the origin checkpoint&apos;s root</source>
        <translation>其来源包含证明无法通向来源检查点的根</translation>
    </message>
    <message>
        <source>imported package {number} ({file})</source>
        <translation>导入的证据包 {number}（{file}）</translation>
    </message>
    <message>
        <source>its record differs from the one the ledger logged at import</source>
        <translation>其记录与导入时存证日志所记的不一致</translation>
    </message>
    <message>
        <source>the origin checkpoint&apos;s signature does not verify</source>
        <translation>来源检查点的签名验证不通过</translation>
    </message>
    <message>
        <source>the origin timestamp: {reason}</source>
        <translation>来源可信时间戳：{reason}</translation>
    </message>
    <message>
        <source>origin record {record} of imported package {number}</source>
        <translation>导入证据包 {number} 的来源记录 {record}</translation>
    </message>
    <message>
        <source>imported item {item} ({name})</source>
        <translation>导入的证据 {item}（{name}）</translation>
    </message>
    <message>
        <source>its origin differs from the one the ledger logged at import</source>
        <translation>其来源信息与导入时存证日志所记的不一致</translation>
    </message>
    <message>
        <source>its file&apos;s {digest} differs from the origin record&apos;s</source>
        <translation>其文件的 {digest} 摘要与来源记录不一致</translation>
    </message>
    <message>
        <source>import {subject}</source>
        <translation>导入 {subject}</translation>
    </message>
    <message>
        <source>the ledger logged it, the store no longer holds it</source>
        <translation>存证日志有记录，但存储中已不存在</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Sign-in refused (account locked)</source>
        <translation>拒绝登录（账户已锁定）</translation>
    </message>
    <message>
        <source>Sign-in refused (account disabled)</source>
        <translation>拒绝登录（账户已停用）</translation>
    </message>
    <message>
        <source>Sign-in refused (account differs from the ledger)</source>
        <translation>拒绝登录（账户与存证日志不符）</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User locked after failed sign-ins</source>
        <translation>多次登录失败，账户锁定</translation>
    </message>
    <message>
        <source>Roles changed</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Real name set</source>
        <translation>设置姓名</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Signing key created</source>
        <translation>生成签名密钥</translation>
    </message>
    <message>
        <source>Signing key imported</source>
        <translation>导入签名密钥</translation>
    </message>
    <message>
        <source>Signing key revoked</source>
        <translation>吊销签名密钥</translation>
    </message>
    <message>
        <source>Case registered</source>
        <translation>案件登记</translation>
    </message>
    <message>
        <source>Case details changed</source>
        <translation>案件信息修改</translation>
    </message>
    <message>
        <source>Case status changed</source>
        <translation>案件状态变更</translation>
    </message>
    <message>
        <source>Mediator assigned</source>
        <translation>指派调解员</translation>
    </message>
    <message>
        <source>Paper filed in the case file</source>
        <translation>材料归卷</translation>
    </message>
    <message>
        <source>Case file cover saved</source>
        <translation>卷宗封面保存</translation>
    </message>
    <message>
        <source>Case file archived</source>
        <translation>卷宗归档</translation>
    </message>
    <message>
        <source>Party added</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>Party changed</source>
        <translation>修改当事人</translation>
    </message>
    <message>
        <source>Agent added</source>
        <translation>添加代理人</translation>
    </message>
    <message>
        <source>Agent changed</source>
        <translation>修改代理人</translation>
    </message>
    <message>
        <source>Evidence taken in</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Evidence viewed</source>
        <translation>查看证据</translation>
    </message>
    <message>
        <source>Copy of evidence saved</source>
        <translation>导出证据副本</translation>
    </message>
    <message>
        <source>Evidence sealed</source>
        <translation>加盖签章</translation>
    </message>
    <message>
        <source>Evidence exported</source>
        <translation>导出证据</translation>
    </message>
    <message>
        <source>Evidence imported from a package</source>
        <translation>从证据包导入证据</translation>
    </message>
    <message>
        <source>Preservation record sealed</source>
        <translation>保全证据记录签章</translation>
    </message>
    <message>
        <source>Sitting scheduled</source>
        <translation>调解会已安排</translation>
    </message>
    <message>
        <source>Sitting changed</source>
        <translation>调解会已修改</translation>
    </message>
    <message>
        <source>Sitting cancelled</source>
        <translation>调解会已取消</translation>
    </message>
    <message>
        <source>Sitting closed</source>
        <translation>调解会已结束</translation>
    </message>
    <message>
        <source>Minutes entry recorded</source>
        <translation>笔录条目已记录</translation>
    </message>
    <message>
        <source>Minutes entry changed</source>
        <translation>笔录条目已修改</translation>
    </message>
    <message>
        <source>Minutes sealed</source>
        <translation>笔录已签章</translation>
    </message>
    <message>
        <source>Minutes addendum sealed</source>
        <translation>笔录补正已签章</translation>
    </message>
    <message>
        <source>Signing of minutes recorded</source>
        <translation>笔录签名已登记</translation>
    </message>
    <message>
        <source>Outcome recorded</source>
        <translation>登记调解结果</translation>
    </message>
    <message>
        <source>Outcome corrected</source>
        <translation>更正调解结果</translation>
    </message>
    <message>
        <source>Performance obligation recorded</source>
        <translation>登记履行事项</translation>
    </message>
    <message>
        <source>Performance recorded</source>
        <translation>登记履行情况</translation>
    </message>
    <message>
        <source>Follow-up visit recorded</source>
        <translation>登记回访记录</translation>
    </message>
    <message>
        <source>Mediation agreement sealed</source>
        <translation>调解协议已签章</translation>
    </message>
    <message>
        <source>Supplementary agreement sealed</source>
        <translation>补充协议已签章</translation>
    </message>
    <message>
        <source>Document generated</source>
        <translation>文书已生成</translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation>文书已打印</translation>
    </message>
    <message>
        <source>Court added to the list</source>
        <translation>法院名录新增法院</translation>
    </message>
    <message>
        <source>Court in the list changed</source>
        <translation>法院名录修改</translation>
    </message>
    <message>
        <source>Committee&apos;s place set</source>
        <translation>设置调解组织所在地</translation>
    </message>
    <message>
        <source>Office setting changed</source>
        <translation>更改机构设置</translation>
    </message>
    <message>
        <source>Timestamp authority set</source>
        <translation>已设置时间戳服务机构</translation>
    </message>
    <message>
        <source>Trusted timestamp stored</source>
        <translation>已保存可信时间戳</translation>
    </message>
    <message>
        <source>Office recorded</source>
        <translation>登记本机构</translation>
    </message>
    <message>
        <source>Office name or prefix changed</source>
        <translation>更改机构名称或案号前缀</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Mediation sitting</source>
        <translation>调解会</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举行</translation>
    </message>
    <message>
        <source>Adjourned</source>
        <translation>休会</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>翻译人员</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <source>Notary</source>
        <translation>公证员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Mediation case</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <source>Notarial matter</source>
        <translation>公证事项</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Trademark</source>
        <translation>商标</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>著作权</translation>
    </message>
    <message>
        <source>Trade secret</source>
        <translation>商业秘密</translation>
    </message>
    <message>
        <source>Plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <source>Geographical indication</source>
        <translation>地理标志</translation>
    </message>
    <message>
        <source>Integrated-circuit layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <source>Unfair competition</source>
        <translation>不正当竞争</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Invention</source>
        <translation>发明</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>A party&apos;s application</source>
        <translation>当事人申请</translation>
    </message>
    <message>
        <source>The committee&apos;s own initiative</source>
        <translation>主动调解</translation>
    </message>
    <message>
        <source>Court invitation before filing</source>
        <translation>委派调解</translation>
    </message>
    <message>
        <source>Court entrustment after filing</source>
        <translation>委托调解</translation>
    </message>
    <message>
        <source>Referral by an administrative authority</source>
        <translation>行政机关移送</translation>
    </message>
    <message>
        <source>Ordinary procedure</source>
        <translation>普通程序</translation>
    </message>
    <message>
        <source>Simple procedure</source>
        <translation>简易程序</translation>
    </message>
    <message>
        <source>Submitted by a party</source>
        <translation>当事人提交</translation>
    </message>
    <message>
        <source>Web capture</source>
        <translation>网页取证</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Audio recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>录像</translation>
    </message>
    <message>
        <source>Screen recording</source>
        <translation>录屏</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Scanned paper</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Entries were removed from the end of the ledger</source>
        <translation>存证日志末尾的条目被删除</translation>
    </message>
    <message>
        <source>The ledger holds fewer entries than it numbers</source>
        <translation>存证日志实有条目少于其编号数</translation>
    </message>
    <message>
        <source>A ledger entry is missing</source>
        <translation>存证日志缺少条目</translation>
    </message>
    <message>
        <source>A ledger entry was changed</source>
        <translation>存证日志条目被改动</translation>
    </message>
    <message>
        <source>A node of the ledger&apos;s tree was changed</source>
        <translation>存证日志的树节点被改动</translation>
    </message>
    <message>
        <source>A node of the ledger&apos;s tree is missing</source>
        <translation>存证日志缺少树节点</translation>
    </message>
    <message>
        <source>The ledger&apos;s tree holds nodes beyond its last entry (entries were cut off)</source>
        <translation>存证日志的树中有超出最后一条条目的节点（末尾条目被截去）</translation>
    </message>
    <message>
        <source>A checkpoint does not match the ledger</source>
        <translation>检查点与存证日志不符</translation>
    </message>
    <message>
        <source>A checkpoint covers more entries than the ledger has</source>
        <translation>检查点覆盖的条目多于存证日志实有条目</translation>
    </message>
    <message>
        <source>A checkpoint was removed</source>
        <translation>检查点被删除</translation>
    </message>
    <message>
        <source>A checkpoint&apos;s signing key is not known here</source>
        <translation>本机不认识检查点的签名密钥</translation>
    </message>
    <message>
        <source>A checkpoint&apos;s signature does not verify</source>
        <translation>检查点的签名核验未通过</translation>
    </message>
    <message>
        <source>A checkpoint names another signer than its key&apos;s owner</source>
        <translation>检查点所署签名人与签名密钥持有人不符</translation>
    </message>
    <message>
        <source>A checkpoint was signed after its key was revoked</source>
        <translation>检查点在签名密钥吊销后签署</translation>
    </message>
    <message>
        <source>A signing key the ledger records is missing</source>
        <translation>存证日志记载的签名密钥已不存在</translation>
    </message>
    <message>
        <source>A signing key was never logged in the ledger</source>
        <translation>签名密钥从未记入存证日志</translation>
    </message>
    <message>
        <source>A key&apos;s stored fingerprint is not its certificate&apos;s</source>
        <translation>签名密钥所存指纹与其证书不符</translation>
    </message>
    <message>
        <source>A key&apos;s certificate cannot be read</source>
        <translation>签名密钥的证书无法读取</translation>
    </message>
    <message>
        <source>A key belongs to another user than the ledger records</source>
        <translation>签名密钥的持有人与存证日志记载不符</translation>
    </message>
    <message>
        <source>A key the ledger records as revoked is marked usable again</source>
        <translation>存证日志记载已吊销的签名密钥被改回可用</translation>
    </message>
    <message>
        <source>A key is marked revoked but the ledger records no revocation</source>
        <translation>签名密钥标记为已吊销，但存证日志无吊销记载</translation>
    </message>
    <message>
        <source>A key&apos;s revocation time differs from the ledger&apos;s</source>
        <translation>签名密钥的吊销时间与存证日志记载不符</translation>
    </message>
    <message>
        <source>A key&apos;s revocation reason differs from what the ledger records</source>
        <translation>签名密钥的吊销理由与存证日志记录不符</translation>
    </message>
    <message>
        <source>A user the ledger records is missing</source>
        <translation>存证日志记载的用户已不存在</translation>
    </message>
    <message>
        <source>A user was never logged in the ledger</source>
        <translation>用户从未记入存证日志</translation>
    </message>
    <message>
        <source>A user&apos;s roles or state differ from what the ledger records</source>
        <translation>用户的角色或状态与存证日志记载不符</translation>
    </message>
    <message>
        <source>A trusted timestamp does not cover its checkpoint</source>
        <translation>可信时间戳未覆盖其检查点</translation>
    </message>
    <message>
        <source>A trusted timestamp token does not verify</source>
        <translation>可信时间戳令牌验证未通过</translation>
    </message>
    <message>
        <source>A stored trusted timestamp is not the one the ledger recorded</source>
        <translation>所存可信时间戳与存证日志记录的不一致</translation>
    </message>
    <message>
        <source>A trusted timestamp the ledger recorded is gone</source>
        <translation>存证日志记录的可信时间戳已不存在</translation>
    </message>
    <message>
        <source>The timestamp authority differs from what the ledger recorded</source>
        <translation>时间戳服务机构设置与存证日志记录的不一致</translation>
    </message>
    <message>
        <source>The office&apos;s settings differ from what the ledger records</source>
        <translation>本机构设置与存证日志记载不符</translation>
    </message>
    <message>
        <source>The office&apos;s name or case-number prefix differs from what the ledger records</source>
        <translation>本机构的名称或案件编号前缀与存证日志记录的不一致</translation>
    </message>
    <message>
        <source>A case the ledger records is missing</source>
        <translation>存证日志记载的案件已不存在</translation>
    </message>
    <message>
        <source>A case was never logged in the ledger</source>
        <translation>案件从未记入存证日志</translation>
    </message>
    <message>
        <source>A case&apos;s record was changed</source>
        <translation>案件记录被改动</translation>
    </message>
    <message>
        <source>A case&apos;s status differs from its recorded moves</source>
        <translation>案件状态与记载的状态变更不符</translation>
    </message>
    <message>
        <source>A case&apos;s move does not match the ledger</source>
        <translation>案件状态变更与存证日志不符</translation>
    </message>
    <message>
        <source>A case&apos;s move the ledger records is missing</source>
        <translation>存证日志记载的案件状态变更缺失</translation>
    </message>
    <message>
        <source>A mediator&apos;s assignment does not match the ledger</source>
        <translation>调解员指派与存证日志不符</translation>
    </message>
    <message>
        <source>A mediator&apos;s assignment the ledger records is missing</source>
        <translation>存证日志记载的调解员指派缺失</translation>
    </message>
    <message>
        <source>A version of a party&apos;s or agent&apos;s record does not match the ledger</source>
        <translation>当事人或代理人记录的某一版本与存证日志不符</translation>
    </message>
    <message>
        <source>A version of a party&apos;s or agent&apos;s record the ledger records is missing</source>
        <translation>存证日志记载的当事人或代理人记录版本缺失</translation>
    </message>
    <message>
        <source>A party or agent differs from its latest recorded version</source>
        <translation>当事人或代理人与其最近记载的版本不符</translation>
    </message>
    <message>
        <source>A case file&apos;s archive record was changed</source>
        <translation>卷宗归档记录被改动</translation>
    </message>
    <message>
        <source>A case file&apos;s archiving was never logged in the ledger</source>
        <translation>卷宗归档从未记入存证日志</translation>
    </message>
    <message>
        <source>A case file&apos;s archive record the ledger records is missing</source>
        <translation>存证日志记载的卷宗归档记录缺失</translation>
    </message>
    <message>
        <source>A record in an archived case file was changed after archiving</source>
        <translation>已归档卷宗中的记录在归档后被改动</translation>
    </message>
    <message>
        <source>A record in an archived case file is missing</source>
        <translation>已归档卷宗中的记录缺失</translation>
    </message>
    <message>
        <source>A record was added to a case file after archiving</source>
        <translation>卷宗归档后被加入记录</translation>
    </message>
    <message>
        <source>A paper&apos;s filing in the case file does not match the ledger</source>
        <translation>材料归卷记录与存证日志不符</translation>
    </message>
    <message>
        <source>A paper&apos;s filing the ledger records is missing</source>
        <translation>存证日志记载的材料归卷记录缺失</translation>
    </message>
    <message>
        <source>A version of a case file&apos;s cover does not match the ledger</source>
        <translation>卷宗封面的某一版本与存证日志不符</translation>
    </message>
    <message>
        <source>A version of a case file&apos;s cover the ledger records is missing</source>
        <translation>存证日志记载的卷宗封面版本缺失</translation>
    </message>
    <message>
        <source>An evidence item the ledger records is missing</source>
        <translation>存证日志记载的证据已不存在</translation>
    </message>
    <message>
        <source>An evidence item was never logged in the ledger</source>
        <translation>证据从未记入存证日志</translation>
    </message>
    <message>
        <source>An evidence item&apos;s record was changed</source>
        <translation>证据记录被改动</translation>
    </message>
    <message>
        <source>An evidence file is missing from the vault</source>
        <translation>存证库中缺少证据文件</translation>
    </message>
    <message>
        <source>An evidence file in the vault was changed</source>
        <translation>存证库中的证据文件被改动</translation>
    </message>
    <message>
        <source>The vault holds a file no item uses (left by an interrupted ingest)</source>
        <translation>存证库中有文件未被任何证据使用（系中断的入库所遗留）</translation>
    </message>
    <message>
        <source>A file&apos;s entry in the database does not match its bytes</source>
        <translation>数据库中的文件条目与文件内容不符</translation>
    </message>
    <message>
        <source>A file&apos;s entry in the database is missing</source>
        <translation>数据库中缺少文件条目</translation>
    </message>
    <message>
        <source>A seal the ledger records is missing</source>
        <translation>存证日志记载的签章已不存在</translation>
    </message>
    <message>
        <source>A seal&apos;s certificate is not known here</source>
        <translation>本机不认识签章所用的证书</translation>
    </message>
    <message>
        <source>A seal names another record than the item&apos;s</source>
        <translation>签章所指记录与证据记录不符</translation>
    </message>
    <message>
        <source>A seal&apos;s signature does not verify</source>
        <translation>签章的签名核验未通过</translation>
    </message>
    <message>
        <source>A seal was never logged in the ledger</source>
        <translation>签章从未记入存证日志</translation>
    </message>
    <message>
        <source>Signed with another person&apos;s key</source>
        <translation>使用了他人的签名密钥签名</translation>
    </message>
    <message>
        <source>Signed after the key was revoked</source>
        <translation>在签名密钥吊销后签名</translation>
    </message>
    <message>
        <source>The key was revoked after it sealed (the seal stays valid)</source>
        <translation>签名密钥在签章之后被吊销（签章仍然有效）</translation>
    </message>
    <message>
        <source>Signed outside the certificate&apos;s validity</source>
        <translation>签名时间不在证书有效期内</translation>
    </message>
    <message>
        <source>Signed with a key the ledger logged only later</source>
        <translation>所用签名密钥在存证日志中的记载晚于该签名</translation>
    </message>
    <message>
        <source>A preservation record the ledger records is missing</source>
        <translation>存证日志记载的保全证据记录已不存在</translation>
    </message>
    <message>
        <source>A preservation record was never logged in the ledger</source>
        <translation>保全证据记录从未记入存证日志</translation>
    </message>
    <message>
        <source>A preservation record was changed</source>
        <translation>保全证据记录被改动</translation>
    </message>
    <message>
        <source>A preservation record is not in canonical form</source>
        <translation>保全证据记录不是规范格式</translation>
    </message>
    <message>
        <source>A preservation record&apos;s stored columns differ from its sealed text</source>
        <translation>保全证据记录的存储字段与其签章文本不符</translation>
    </message>
    <message>
        <source>A preservation record is filed under another case than it names</source>
        <translation>保全证据记录归入的案件与其所载案件不符</translation>
    </message>
    <message>
        <source>A preservation record&apos;s correction link differs from what it names</source>
        <translation>保全证据记录的更正关系与其所载不符</translation>
    </message>
    <message>
        <source>A preservation record names another certificate than the key that signed it</source>
        <translation>保全证据记录所载证书与所用签名密钥不符</translation>
    </message>
    <message>
        <source>A preservation record&apos;s certificate is not known here</source>
        <translation>本机不认识保全证据记录所用的证书</translation>
    </message>
    <message>
        <source>A preservation record&apos;s signature does not verify</source>
        <translation>保全证据记录的签名核验未通过</translation>
    </message>
    <message>
        <source>A preservation record lists an item that differs from the stored one</source>
        <translation>保全证据记录所列证据与存储的证据不符</translation>
    </message>
    <message>
        <source>An outcome&apos;s record does not match the ledger</source>
        <translation>调解结果记录与存证日志不符</translation>
    </message>
    <message>
        <source>An outcome the ledger records is missing</source>
        <translation>存证日志记载的调解结果缺失</translation>
    </message>
    <message>
        <source>A performance obligation&apos;s record does not match the ledger</source>
        <translation>履行事项记录与存证日志不符</translation>
    </message>
    <message>
        <source>A performance obligation the ledger records is missing</source>
        <translation>存证日志记载的履行事项缺失</translation>
    </message>
    <message>
        <source>A performance record does not match the ledger</source>
        <translation>履行记录与存证日志不符</translation>
    </message>
    <message>
        <source>A performance record the ledger records is missing</source>
        <translation>存证日志记载的履行记录缺失</translation>
    </message>
    <message>
        <source>A follow-up visit&apos;s record does not match the ledger</source>
        <translation>回访记录与存证日志不符</translation>
    </message>
    <message>
        <source>A follow-up visit the ledger records is missing</source>
        <translation>存证日志记载的回访记录缺失</translation>
    </message>
    <message>
        <source>A sitting the ledger records is missing</source>
        <translation>存证日志记载的调解会已不存在</translation>
    </message>
    <message>
        <source>A version of a sitting&apos;s record does not match the ledger</source>
        <translation>调解会记录的某一版本与存证日志不符</translation>
    </message>
    <message>
        <source>A sitting differs from its latest recorded version</source>
        <translation>调解会与其最新记录版本不符</translation>
    </message>
    <message>
        <source>A minutes entry differs from what was recorded or sealed</source>
        <translation>笔录条目与记录或签章的内容不符</translation>
    </message>
    <message>
        <source>A minutes entry that was recorded or sealed is missing</source>
        <translation>已记录或已签章的笔录条目缺失</translation>
    </message>
    <message>
        <source>A version of a minutes entry does not match the ledger</source>
        <translation>笔录条目的某一版本与存证日志不符</translation>
    </message>
    <message>
        <source>Sealed minutes or an addendum the ledger records are missing</source>
        <translation>存证日志记载的已签章笔录或补正缺失</translation>
    </message>
    <message>
        <source>Sealed minutes were never logged in the ledger</source>
        <translation>已签章笔录从未记入存证日志</translation>
    </message>
    <message>
        <source>Sealed minutes or an addendum were changed</source>
        <translation>已签章笔录或补正被改动</translation>
    </message>
    <message>
        <source>Sealed minutes are not in canonical form</source>
        <translation>已签章笔录不是规范格式</translation>
    </message>
    <message>
        <source>Sealed minutes&apos; stored columns differ from their sealed text</source>
        <translation>已签章笔录的存储字段与签章文本不符</translation>
    </message>
    <message>
        <source>An addendum names other minutes than its sitting&apos;s</source>
        <translation>补正所指笔录不是其调解会的笔录</translation>
    </message>
    <message>
        <source>The certificate that sealed minutes is not known here</source>
        <translation>笔录签章所用证书在本库中未知</translation>
    </message>
    <message>
        <source>The signature on sealed minutes does not verify</source>
        <translation>笔录上的签章验证不通过</translation>
    </message>
    <message>
        <source>Sealed minutes name another certificate than the key that signed them</source>
        <translation>已签章笔录所载证书与所用签名密钥不符</translation>
    </message>
    <message>
        <source>A recorded signing of minutes does not match the ledger</source>
        <translation>登记的笔录签名与存证日志不符</translation>
    </message>
    <message>
        <source>A recorded signing of minutes the ledger records is missing</source>
        <translation>存证日志记载的笔录签名登记缺失</translation>
    </message>
    <message>
        <source>A sealed agreement was never logged in the ledger</source>
        <translation>已签章的调解协议从未记入存证日志</translation>
    </message>
    <message>
        <source>A sealed agreement was changed</source>
        <translation>已签章的调解协议被改动</translation>
    </message>
    <message>
        <source>A sealed agreement the ledger records is missing</source>
        <translation>存证日志记录的已签章调解协议缺失</translation>
    </message>
    <message>
        <source>A sealed agreement is not in canonical form</source>
        <translation>已签章的调解协议不是规范格式</translation>
    </message>
    <message>
        <source>A sealed agreement&apos;s stored columns differ from its sealed text</source>
        <translation>已签章调解协议的存储字段与签章文本不符</translation>
    </message>
    <message>
        <source>The certificate that sealed an agreement is not known here</source>
        <translation>为调解协议签章的证书在本处未知</translation>
    </message>
    <message>
        <source>The signature on a sealed agreement does not verify</source>
        <translation>调解协议上的签章验证不通过</translation>
    </message>
    <message>
        <source>A sealed agreement names another certificate than the key that signed it</source>
        <translation>调解协议所载证书与所用签名密钥不符</translation>
    </message>
    <message>
        <source>A generated document&apos;s record does not match the ledger</source>
        <translation>已生成文书的记录与存证日志不符</translation>
    </message>
    <message>
        <source>A generated document was never logged in the ledger</source>
        <translation>已生成的文书从未登记在存证日志中</translation>
    </message>
    <message>
        <source>A generated document the ledger records is missing</source>
        <translation>存证日志记载的已生成文书缺失</translation>
    </message>
    <message>
        <source>A generated document&apos;s stored PDF differs from the one recorded</source>
        <translation>已生成文书存储的 PDF 与记录的不同</translation>
    </message>
    <message>
        <source>A generated document&apos;s stored columns differ from its record</source>
        <translation>已生成文书存储的字段与其记录不符</translation>
    </message>
    <message>
        <source>A print record does not match the ledger or its document</source>
        <translation>打印记录与存证日志或其文书不符</translation>
    </message>
    <message>
        <source>A print record the ledger records is missing</source>
        <translation>存证日志记载的打印记录缺失</translation>
    </message>
    <message>
        <source>An imported item&apos;s origin or package record does not match the ledger</source>
        <translation>导入证据的来源或证据包记录与存证日志不符</translation>
    </message>
    <message>
        <source>An import the ledger records is missing</source>
        <translation>存证日志记录的一次导入已缺失</translation>
    </message>
    <message>
        <source>An imported item&apos;s file differs from its origin record</source>
        <translation>导入证据的文件与其来源记录不符</translation>
    </message>
    <message>
        <source>An origin seal does not verify against its certificate</source>
        <translation>来源签章与其证书验证不通过</translation>
    </message>
    <message>
        <source>An origin ledger entry does not match the origin record</source>
        <translation>来源存证日志条目与来源记录不符</translation>
    </message>
    <message>
        <source>An origin inclusion proof does not lead to the origin checkpoint</source>
        <translation>来源包含证明无法通向来源检查点</translation>
    </message>
    <message>
        <source>The origin checkpoint&apos;s signature does not verify</source>
        <translation>来源检查点的签名验证不通过</translation>
    </message>
    <message>
        <source>The origin&apos;s trusted timestamp does not cover its checkpoint</source>
        <translation>来源可信时间戳未覆盖其检查点</translation>
    </message>
    <message>
        <source>Intact and sealed</source>
        <translation>完好，已签章</translation>
    </message>
    <message>
        <source>Intact, not sealed</source>
        <translation>完好，未签章</translation>
    </message>
    <message>
        <source>Does not match its record</source>
        <translation>与其记录不符</translation>
    </message>
    <message>
        <source>Application or registration form</source>
        <translation>申请书或受理登记表</translation>
    </message>
    <message>
        <source>Notice of rights and obligations</source>
        <translation>权利义务告知书</translation>
    </message>
    <message>
        <source>Identity papers</source>
        <translation>身份证明</translation>
    </message>
    <message>
        <source>Powers of attorney</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Investigation records</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Mediation minutes</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议书</translation>
    </message>
    <message>
        <source>Proof of performance</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Follow-up records</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Judicial-confirmation papers</source>
        <translation>司法确认材料</translation>
    </message>
    <message>
        <source>Note on the file</source>
        <translation>卷宗情况说明</translation>
    </message>
    <message>
        <source>Back cover</source>
        <translation>封底</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Preservation record</source>
        <translation>保全证据记录</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>调解会</translation>
    </message>
    <message>
        <source>Minutes entry</source>
        <translation>笔录条目</translation>
    </message>
    <message>
        <source>Sealed minutes</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Minutes signing</source>
        <translation>笔录签名</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Mainland travel permit for Hong Kong and Macao residents</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Mainland travel permit for Taiwan residents</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Mainland</source>
        <translation>内地</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>澳门</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台湾</translation>
    </message>
    <message>
        <source>Foreign</source>
        <translation>外国</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>In mediation</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>Agreement reached</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Written agreement</source>
        <translation>书面调解协议</translation>
    </message>
    <message>
        <source>Oral agreement</source>
        <translation>口头协议</translation>
    </message>
    <message>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Being performed</source>
        <translation>履行中</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付款项</translation>
    </message>
    <message>
        <source>Stop use</source>
        <translation>停止使用</translation>
    </message>
    <message>
        <source>Destroy stock</source>
        <translation>销毁库存</translation>
    </message>
    <message>
        <source>Remove listings</source>
        <translation>下架链接</translation>
    </message>
    <message>
        <source>Publish an apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未履行</translation>
    </message>
    <message>
        <source>Partly performed</source>
        <translation>部分履行</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Judicial confirmation applied for</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <source>Confirmed valid</source>
        <translation>确认有效</translation>
    </message>
    <message>
        <source>Confirmation rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Closed and archived</source>
        <translation>结案归档</translation>
    </message>
    <message>
        <source>Court-invited mediation ends</source>
        <translation>委派/委托调解期限届满</translation>
    </message>
    <message>
        <source>Last day to apply for judicial confirmation</source>
        <translation>申请司法确认期限届满</translation>
    </message>
    <message>
        <source>Performance due</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Replaced by a newer key</source>
        <translation>已由新的签名密钥取代</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <source>Foreign-related</source>
        <translation>涉外</translation>
    </message>
    <message>
        <source>Hong Kong, Macao or Taiwan related</source>
        <translation>涉港澳台</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>identity number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>permit number</source>
        <translation>通行证号码</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>护照号码</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家或地区</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Occupation or post</source>
        <translation>职业或职务</translation>
    </message>
    <message>
        <source>Address or work unit</source>
        <translation>住所或工作单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>注册号</translation>
    </message>
    <message>
        <source>Domicile</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Legal representative or person in charge</source>
        <translation>法定代表人或主要负责人</translation>
    </message>
    <message>
        <source>Post of the representative</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Kind of patent</source>
        <translation>专利类型</translation>
    </message>
    <message>
        <source>Account of the dispute</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <source>Amount claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>收案日期</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Court case number</source>
        <translation>法院案号</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>审理程序</translation>
    </message>
    <message>
        <source>Time limit (days)</source>
        <translation>调解期限（日）</translation>
    </message>
    <message>
        <source>Cited notarial matter</source>
        <translation>引用的公证事项</translation>
    </message>
    <message>
        <source>Date of effect</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>回避声明</translation>
    </message>
    <message>
        <source>Kind of agent</source>
        <translation>代理人类别</translation>
    </message>
    <message>
        <source>Law firm or legal service office</source>
        <translation>律师事务所或法律服务所</translation>
    </message>
    <message>
        <source>Practising certificate number</source>
        <translation>执业证号</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>代理权限</translation>
    </message>
    <message>
        <source>Special powers</source>
        <translation>特别授权事项</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>授权期限起始日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>授权期限截止日期</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Phone for service</source>
        <translation>送达联系电话</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>证据来源</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>网址（URL）</translation>
    </message>
    <message>
        <source>Source office</source>
        <translation>来源机构</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>证据包文件</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Acquired at</source>
        <translation>取证时间</translation>
    </message>
    <message>
        <source>Acquired by</source>
        <translation>取证人</translation>
    </message>
    <message>
        <source>Device or software</source>
        <translation>设备或软件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Part of the file</source>
        <translation>卷宗部分</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>卷宗名称</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>卷宗号</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>操作步骤</translation>
    </message>
    <message>
        <source>Devices and software</source>
        <translation>设备和软件</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Evidence items</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Date the mediator signed</source>
        <translation>调解员签名日期</translation>
    </message>
    <message>
        <source>Content of the agreement</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Date done</source>
        <translation>履行日期</translation>
    </message>
    <message>
        <source>Proof files</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Main facts of the dispute</source>
        <translation>纠纷主要事实</translation>
    </message>
    <message>
        <source>Disputed matters</source>
        <translation>争议事项</translation>
    </message>
    <message>
        <source>Each side&apos;s responsibility</source>
        <translation>各方责任</translation>
    </message>
    <message>
        <source>Clauses</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Manner of performance</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Place of performance</source>
        <translation>履行地点</translation>
    </message>
    <message>
        <source>Deadline of performance</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Liability for breach</source>
        <translation>违约责任</translation>
    </message>
    <message>
        <source>Agreement draft</source>
        <translation>协议书草稿</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Name on the certificate</source>
        <translation>证书上的名称</translation>
    </message>
    <message>
        <source>Organization on the certificate</source>
        <translation>证书上的机构名称</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Case-number prefix</source>
        <translation>案件编号前缀</translation>
    </message>
    <message>
        <source>Word of case numbers</source>
        <translation>案件编号代字</translation>
    </message>
    <message>
        <source>Notarial-matter prefix</source>
        <translation>公证事项编号前缀</translation>
    </message>
    <message>
        <source>Word of notarial-matter numbers</source>
        <translation>公证事项编号代字</translation>
    </message>
    <message>
        <source>Idle lock (minutes)</source>
        <translation>闲置锁定时间（分钟）</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Risk warning</source>
        <translation>风险提示</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>情况及意见</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Speaker&apos;s role</source>
        <translation>发言人身份</translation>
    </message>
    <message>
        <source>Time said</source>
        <translation>发言时间</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Entry corrected</source>
        <translation>所更正的条目</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Evidence vault</source>
        <translation>证据库</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Area served</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Area of IP jurisdiction</source>
        <translation>知识产权案件管辖区域</translation>
    </message>
    <message>
        <source>IP cases heard at first instance</source>
        <translation>管辖的第一审知识产权案件</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>打印页码</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <source>Basic-level legal service worker</source>
        <translation>基层法律服务工作者</translation>
    </message>
    <message>
        <source>Near relative or staff member of the party</source>
        <translation>当事人的近亲属或者工作人员</translation>
    </message>
    <message>
        <source>Citizen recommended by the party&apos;s community, unit or a social group</source>
        <translation>当事人所在社区、单位以及有关社会团体推荐的公民</translation>
    </message>
    <message>
        <source>General authority</source>
        <translation>一般授权</translation>
    </message>
    <message>
        <source>Special authority</source>
        <translation>特别授权</translation>
    </message>
    <message>
        <source>Admit, waive or change claims</source>
        <translation>代为承认、放弃、变更请求</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>进行和解</translation>
    </message>
    <message>
        <source>Sign the mediation agreement</source>
        <translation>代为签署调解协议</translation>
    </message>
    <message>
        <source>Apply for judicial confirmation</source>
        <translation>代为申请司法确认</translation>
    </message>
    <message>
        <source>Receive documents</source>
        <translation>代为签收法律文书</translation>
    </message>
    <message>
        <source>Receive payments</source>
        <translation>代为领取款项</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <source>Required: the case has an agent</source>
        <translation>必备：本案有委托代理人</translation>
    </message>
    <message>
        <source>Required: an agreement was reached</source>
        <translation>必备：本案已达成协议</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Long term</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Short term</source>
        <translation>短期</translation>
    </message>
    <message>
        <source>30 years</source>
        <translation>定期30年</translation>
    </message>
    <message>
        <source>10 years</source>
        <translation>定期10年</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答</translation>
    </message>
    <message>
        <source>Recorder&apos;s note</source>
        <translation>记录人注</translation>
    </message>
    <message>
        <source>Registration form</source>
        <translation>受理登记表</translation>
    </message>
    <message>
        <source>Notice of rights and duties</source>
        <translation>权利义务告知书</translation>
    </message>
    <message>
        <source>Mediation agreement</source>
        <translation>人民调解协议书</translation>
    </message>
    <message>
        <source>Supplementary agreement</source>
        <translation>人民调解补充协议书</translation>
    </message>
    <message>
        <source>Application for judicial confirmation</source>
        <translation>司法确认申请书</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Evidence list</source>
        <translation>证据清单</translation>
    </message>
    <message>
        <source>Minutes of a sitting</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Confirmation of service address</source>
        <translation>送达地址确认书</translation>
    </message>
    <message>
        <source>Oral agreement register</source>
        <translation>口头协议登记表</translation>
    </message>
    <message>
        <source>Follow-up visit record</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Case file cover and index</source>
        <translation>卷宗封面及卷内目录</translation>
    </message>
    <message>
        <source>Evidence preservation work record</source>
        <translation>保全证据工作记录</translation>
    </message>
    <message>
        <source>{court} invited the committee to mediate: the application goes to the inviting court (Civil Procedure Law art. 205(1)).</source>
        <translation>{court}邀请本委员会开展先行调解，应向作出邀请的人民法院提出申请（《民事诉讼法》第二百零五条第一项）。</translation>
    </message>
    <message>
        <source>{court} entrusted the mediation of its case {court_case}: the agreement goes back to that court, which has the case.</source>
        <translation>{court}委托调解其案件{court_case}，调解协议交回受理该案的人民法院。</translation>
    </message>
    <message>
        <source>{court}, named in the case, is not an active court of the office&apos;s list: add it to the list.</source>
        <translation>案件所载的{court}不在本机构法院名录的在用法院中，请将其加入名录。</translation>
    </message>
    <message>
        <source>This {dispute} dispute belongs at first instance to an intermediate court ({rule}): the application goes to the corresponding intermediate court (Civil Procedure Law art. 205(2)).</source>
        <translation>本案{dispute}纠纷第一审由中级人民法院管辖（{rule}），应向相应的中级人民法院提出申请（《民事诉讼法》第二百零五条第二项）。</translation>
    </message>
    <message>
        <source>This {dispute} dispute is heard at first instance by a basic court (SPC 2022 provisions on IP jurisdiction, art. 3): the basic court where a party lives, where the subject matter is or where the committee is located (Civil Procedure Law art. 205(2)).</source>
        <translation>本案{dispute}纠纷第一审由基层人民法院管辖（《最高人民法院关于第一审知识产权民事、行政案件管辖的若干规定》第三条），应向当事人住所地、标的物所在地或调解组织所在地的基层人民法院提出申请（《民事诉讼法》第二百零五条第二项）。</translation>
    </message>
    <message>
        <source>This assumes a technical secret; a dispute over business information goes to a basic court.</source>
        <translation>以上按技术秘密处理；经营信息类商业秘密纠纷由基层人民法院管辖。</translation>
    </message>
    <message>
        <source>{court} serves {area}, the domicile of the {role} {party} ({address}).</source>
        <translation>{court}辖区为{area}，是{role}{party}的住所地（{address}）。</translation>
    </message>
    <message>
        <source>{court} serves {area}, where the subject matter is ({place}).</source>
        <translation>{court}辖区为{area}，是标的物所在地（{place}）。</translation>
    </message>
    <message>
        <source>{court} serves {area}, where the committee is located ({place}).</source>
        <translation>{court}辖区为{area}，是调解组织所在地（{place}）。</translation>
    </message>
    <message>
        <source>{court} is not recorded as hearing IP cases at first instance: check that it accepts the application.</source>
        <translation>名录未记载{court}管辖第一审知识产权案件，请核实其是否受理该申请。</translation>
    </message>
    <message>
        <source>The office&apos;s list has no active court that hears {dispute} disputes at first instance: add one, or choose the court yourself.</source>
        <translation>本机构法院名录中没有管辖{dispute}纠纷第一审的在用法院：请添加，或自行选择法院。</translation>
    </message>
    <message>
        <source>No fitting court of the office&apos;s list serves the place where a party lives, where the subject matter is or where the committee is located: add one, or choose the court yourself.</source>
        <translation>本机构法院名录中没有辖区包含当事人住所地、标的物所在地或调解组织所在地的相应法院：请添加，或自行选择法院。</translation>
    </message>
    <message>
        <source>patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>invention patent</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>utility-model patent</source>
        <translation>实用新型专利</translation>
    </message>
    <message>
        <source>design patent</source>
        <translation>外观设计专利</translation>
    </message>
    <message>
        <source>plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <source>integrated-circuit layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <source>trade secret</source>
        <translation>商业秘密</translation>
    </message>
    <message>
        <source>trademark</source>
        <translation>商标</translation>
    </message>
    <message>
        <source>copyright</source>
        <translation>著作权</translation>
    </message>
    <message>
        <source>unfair competition</source>
        <translation>不正当竞争</translation>
    </message>
    <message>
        <source>geographical indication</source>
        <translation>地理标志</translation>
    </message>
    <message>
        <source>intellectual property</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <source>SPC 2022 provisions on IP jurisdiction, art. 1</source>
        <translation>《最高人民法院关于第一审知识产权民事、行政案件管辖的若干规定》第一条</translation>
    </message>
    <message>
        <source>SPC 2022 provisions on IP jurisdiction, art. 2</source>
        <translation>《最高人民法院关于第一审知识产权民事、行政案件管辖的若干规定》第二条</translation>
    </message>
    <message>
        <source>Basic people&apos;s court</source>
        <translation>基层人民法院</translation>
    </message>
    <message>
        <source>Intermediate people&apos;s court</source>
        <translation>中级人民法院</translation>
    </message>
    <message>
        <source>High people&apos;s court</source>
        <translation>高级人民法院</translation>
    </message>
    <message>
        <source>Technical IP cases (invention and utility-model patents, plant varieties, IC layouts, technical secrets, software, monopoly)</source>
        <translation>技术类知识产权案件（发明和实用新型专利、植物新品种、集成电路布图设计、技术秘密、计算机软件、垄断）</translation>
    </message>
    <message>
        <source>Design patents</source>
        <translation>外观设计专利</translation>
    </message>
    <message>
        <source>Other IP cases (trademarks, copyright, unfair competition)</source>
        <translation>其他知识产权案件（商标、著作权、不正当竞争等）</translation>
    </message>
    <message>
        <source>Produced by this office, unchanged</source>
        <translation>本机构制作，未经改动</translation>
    </message>
    <message>
        <source>Changed since this office produced it</source>
        <translation>本机构制作后已被改动</translation>
    </message>
    <message>
        <source>Not a document of this office</source>
        <translation>非本机构制作的文书</translation>
    </message>
    <message>
        <source>The file names a document of this office, but its bytes differ from the ones recorded</source>
        <translation>文件载明为本机构的文书，但其内容与登记的不一致</translation>
    </message>
    <message>
        <source>No document of this office has these bytes</source>
        <translation>本机构没有内容与之一致的文书</translation>
    </message>
    <message>
        <source>The file names another office</source>
        <translation>文件载明的是其他机构</translation>
    </message>
    <message>
        <source>The file names a document id this office&apos;s registry does not hold</source>
        <translation>文件载明的文书编号不在本机构的文书登记中</translation>
    </message>
    <message>
        <source>The document&apos;s record does not match any ledger entry</source>
        <translation>该文书的记录与存证日志中任何条目均不符</translation>
    </message>
    <message>
        <source>The document was recorded as signed but the file holds no signature</source>
        <translation>该文书登记为已签章，但文件中没有签名</translation>
    </message>
    <message>
        <source>The signature does not verify over the signed bytes</source>
        <translation>签名与所签内容验证不符</translation>
    </message>
    <message>
        <source>The signature does not cover the whole file</source>
        <translation>签名未覆盖整个文件</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not the one recorded</source>
        <translation>签名人的证书与登记的不同</translation>
    </message>
    <message>
        <source>Stop the infringing use</source>
        <translation>停止侵权</translation>
    </message>
    <message>
        <source>Destroy stock and moulds</source>
        <translation>销毁库存及模具</translation>
    </message>
    <message>
        <source>Remove online listings</source>
        <translation>删除网络链接</translation>
    </message>
    <message>
        <source>Licence and royalties</source>
        <translation>许可使用</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <source>Confidentiality</source>
        <translation>保密</translation>
    </message>
    <message>
        <source>Other terms</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>The package file cannot be read to the end</source>
        <translation>证据包文件无法完整读取</translation>
    </message>
    <message>
        <source>A file in the package is named to land outside the package&apos;s folder</source>
        <translation>证据包中有文件的名称指向证据包文件夹之外</translation>
    </message>
    <message>
        <source>The package holds a link instead of a file</source>
        <translation>证据包中有链接而非文件</translation>
    </message>
    <message>
        <source>The package holds two files with the same name</source>
        <translation>证据包中有两个同名文件</translation>
    </message>
    <message>
        <source>The package is not one folder (files were added beside it)</source>
        <translation>证据包不是单一文件夹（旁边另加了文件）</translation>
    </message>
    <message>
        <source>The package is too large or too compressed to be a real evidence package</source>
        <translation>证据包过大或压缩比异常，不可能是真实的证据包</translation>
    </message>
    <message>
        <source>A file of the package is missing</source>
        <translation>证据包缺少文件</translation>
    </message>
    <message>
        <source>A file was added to the package after it was made</source>
        <translation>证据包生成后被加入了文件</translation>
    </message>
    <message>
        <source>A file of the package was changed after it was made</source>
        <translation>证据包生成后有文件被改动</translation>
    </message>
    <message>
        <source>The number or total size of the evidence files differs from what the package states</source>
        <translation>证据文件的数量或总大小与证据包所载不符</translation>
    </message>
    <message>
        <source>The package&apos;s BagIt declaration is missing or wrong</source>
        <translation>证据包的 BagIt 声明缺失或有误</translation>
    </message>
    <message>
        <source>An evidence file&apos;s SHA-256 digest differs from its sealed record</source>
        <translation>证据文件的 SHA-256 摘要与其签章记录不符</translation>
    </message>
    <message>
        <source>An evidence file&apos;s SM3 digest differs from its sealed record</source>
        <translation>证据文件的 SM3 摘要与其签章记录不符</translation>
    </message>
    <message>
        <source>A sealed record in the package cannot be read</source>
        <translation>证据包中的签章记录无法读取</translation>
    </message>
    <message>
        <source>A seal does not match its record or its certificate</source>
        <translation>签章与其记录或证书不符</translation>
    </message>
    <message>
        <source>A certificate in the package is not the one named</source>
        <translation>证据包中的证书不是所指明的证书</translation>
    </message>
    <message>
        <source>A ledger entry does not match the record it logs</source>
        <translation>存证日志条目与其所记的记录不符</translation>
    </message>
    <message>
        <source>A record&apos;s proof does not lead to the checkpoint (it is not in the ledger)</source>
        <translation>记录的证明无法推导到检查点（该记录不在存证日志中）</translation>
    </message>
    <message>
        <source>The ledger checkpoint&apos;s signature does not verify</source>
        <translation>存证日志检查点的签名核验不通过</translation>
    </message>
    <message>
        <source>An evidence item in the package carries no seal</source>
        <translation>证据包中有证据未经签章</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s trusted timestamp cannot be read</source>
        <translation>检查点的可信时间戳无法读取</translation>
    </message>
    <message>
        <source>The trusted timestamp is over other data than the package&apos;s checkpoint</source>
        <translation>可信时间戳所对应的数据不是本证据包的检查点</translation>
    </message>
    <message>
        <source>The trusted timestamp&apos;s signature or its authority&apos;s certificate does not check out</source>
        <translation>可信时间戳的签名或时间戳服务机构的证书核验不通过</translation>
    </message>
    <message>
        <source>The timestamp authority&apos;s certificate does not chain to the CA in the package</source>
        <translation>时间戳服务机构的证书无法链接到证据包中的 CA 证书</translation>
    </message>
</context>
</TS>
