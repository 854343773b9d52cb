<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/app.py" line="+58"/>
        <source>快回 搜索</source>
        <translation>QuickReply Search</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>话术已复制到剪贴板，按 Ctrl+V 粘贴</source>
        <translation>The phrase is on the clipboard; press Ctrl+V to paste it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有自动粘贴</source>
        <translation>Not pasted automatically</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>全局快捷键不可用</source>
        <translation>Global hotkey unavailable</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>。可以在 设置 里换一个，或运行 quickreply config hotkey ctrl+alt+j</source>
        <translation>. Pick another one in Settings, or run quickreply config hotkey ctrl+alt+j</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快捷键注册失败</source>
        <translation>Hotkey not registered</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>热键已暂停</source>
        <translation>Hotkey paused</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>快回</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>快回已经在运行，已把它调到前台。</source>
        <translation>QuickReply is already running; it has been brought to the front.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有找到系统托盘，快回需要系统托盘才能运行。可以使用命令行：quickreply --help</source>
        <translation>No system tray found, and QuickReply needs one to run. The command line works without it: quickreply --help</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>无法打开话术库：</source>
        <translation>Cannot open the phrase library: </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>快回已启动</source>
        <translation>QuickReply started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按 %1 搜索话术</source>
        <translation>Press %1 to search phrases</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>托盘图标</source>
        <translation>the tray icon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>话术库已恢复</source>
        <translation>Phrase library recovered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="+37"/>
        <source>未知位置</source>
        <translation>unknown place</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../desktop/ui/library/tree_model.py" line="+48"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>快回遇到了一个意外错误，已经记录到日志。</source>
        <translation>QuickReply ran into an unexpected error and wrote it to the log.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出错位置：%1（%2）</source>
        <translation>Where: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日志文件：%1</source>
        <translation>Log file: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>程序会继续运行；如果反复出现，请把日志文件发给技术支持。</source>
        <translation>QuickReply keeps running. If this keeps happening, send the log file to support.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>快回出错了</source>
        <translation>QuickReply error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="+218"/>
        <location line="+4"/>
        <location line="+22"/>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>没有可以撤销的导入（找不到导入前的备份，或已经撤销过）</source>
        <translation>There is no import to undo (no backup from before an import, or it was already undone)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>话术库将回到 %1 导入之前的样子，之后做的修改也会撤销。撤销前会先备份现在的状态。要撤销吗？</source>
        <translation>The phrase library will go back to how it was before the import of %1, and changes made since then are undone too. The current state is backed up first. Undo the import?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>撤销导入失败</source>
        <translation>Undo import failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已撤销导入</source>
        <translation>Import undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>话术库已回到导入之前；撤销前的状态备份为 %1</source>
        <translation>The phrase library is back to how it was before the import; the state before undoing is backed up as %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/commands.py" line="+68"/>
        <source>无法撤销/重做「%1」：</source>
        <translation>Cannot undo/redo “%1”: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>新建话术「%1」</source>
        <translation>New phrase “%1”</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>修改「%1」</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>删除 %1 条话术</source>
        <translation>Delete phrases (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>从回收站恢复 %1 条话术</source>
        <translation>Restore phrases from the trash (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>移动 %1 条话术</source>
        <translation>Move phrases (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>置顶</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消置顶</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>添加标签「%1」</source>
        <translation>Add tag “%1”</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>移除标签「%1」</source>
        <translation>Remove tag “%1”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>新建分类「%1」</source>
        <translation>New category “%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>重命名分类为「%1」</source>
        <translation>Rename category to “%1”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>修改分类说明</source>
        <translation>Edit category note</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>移动分类</source>
        <translation>Move category</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>删除分类「%1」</source>
        <translation>Delete category “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/editor_parts.py" line="+77"/>
        <source>当前买家</source>
        <extracomment>What the preview fills in for the buyer: obviously made up, never real data.</extracomment>
        <translation>Current buyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>店铺变量</source>
        <translation>Store variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>内置（发送时计算）</source>
        <translation>Built-in (worked out when sent)</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../../desktop/core/exchange/formats/base.py" line="+84"/>
        <location filename="../../desktop/core/store/library.py" line="+268"/>
        <location line="+118"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>「%1」</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/tree_model.py" line="+109"/>
        <source>来自订阅，只读</source>
        <translation>From a subscription, read-only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery.py" line="+46"/>
        <source>话术库文件已损坏，无法打开：%1</source>
        <translation>The phrase library file is damaged and cannot be opened: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>可以恢复最近的备份（%1）。</source>
        <translation>The latest backup (%1) can be restored.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有找到备份。可以新建一个默认话术库继续工作。</source>
        <translation>No backup was found. You can start a new default phrase library and carry on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>损坏的文件会改名保存（.damaged-时间），不会删除。</source>
        <translation>The damaged file is kept under a new name (.damaged-&lt;time&gt;), never deleted.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>快回：话术库已损坏</source>
        <translation>QuickReply: phrase library damaged</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复最近的备份</source>
        <translation>Restore the latest backup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>改名保存并新建话术库</source>
        <translation>Keep it renamed and start a new library</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>话术库已损坏，没有改动。运行 quickreply doctor 查看详情</source>
        <translation>The phrase library is damaged and was left as it is. Run quickreply doctor for details</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已恢复 %1 的备份；损坏的文件保存为 %2</source>
        <translation>Restored the backup from %1; the damaged file is kept as %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已新建话术库；损坏的文件保存为 %2</source>
        <translation>Started a new phrase library; the damaged file is kept as %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stats_dialog.py" line="+43"/>
        <source>%1 小时 %2 分钟</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 分 %2 秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>这段时间还没有使用记录</source>
        <translation>No phrases used in this period yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/subscription_updater.py" line="+129"/>
        <source>订阅更新失败</source>
        <translation>Subscription update failed</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+5"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>团队话术已更新</source>
        <translation>Team phrases updated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>订阅的更新被拒绝</source>
        <translation>Subscription update refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/subscriptions_dialog.py" line="+34"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>上次检查（%1）：%2</source>
        <translation>Last check (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正常，%1 检查过</source>
        <translation>OK, checked %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/window_parts.py" line="+141"/>
        <source>新建话术</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建分类</source>
        <translation>New category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出手册…</source>
        <translation>Export handbook…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>练习这个分类</source>
        <translation>Drill this category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新人浏览模式</source>
        <translation>Browse mode (for new hires)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>新建子分类</source>
        <translation>New subcategory</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>编辑说明…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>删除分类…</source>
        <translation>Delete category…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>移动到分类…</source>
        <translation>Move to category…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>置顶 / 取消置顶</source>
        <translation>Pin / unpin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加标签…</source>
        <translation>Add tag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>移除标签…</source>
        <translation>Remove tag…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除话术</source>
        <translation>Delete phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backup_files.py" line="+23"/>
        <source>导入前</source>
        <translation>before import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复前</source>
        <translation>before restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复前（已损坏）</source>
        <translation>before restore (damaged)</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backup.py" line="+58"/>
        <source>内存中的话术库没有文件，不能备份</source>
        <translation>An in-memory library has no file and cannot be backed up</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>正在写入话术库，不能同时备份</source>
        <translation>The library is being written; it cannot be backed up at the same time</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>话术库文件已损坏，没有备份（损坏的副本不能当作好的备份）：{problem}</source>
        <translation>The library file is damaged, so no backup was taken (a damaged copy must not pass for a good backup): {problem}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>无法写备份 {path}：{error}</source>
        <translation>Cannot write the backup {path}: {error}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>还没有备份</source>
        <translation>There are no backups yet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>没有这个备份：{name}（quickreply backup list 可以列出备份）</source>
        <translation>No such backup: {name} (quickreply backup list lists the backups)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>备份文件已损坏：{name}（{error}）</source>
        <translation>The backup file is damaged: {name} ({error})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>备份文件已损坏或不是快回的话术库：{name}</source>
        <translation>The backup file is damaged or not a QuickReply library: {name}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>恢复失败：{error}（恢复前的状态在备份 {name} 里）</source>
        <translation>Restore failed: {error} (the state before the restore is in backup {name})</translation>
    </message>
    <message>
        <location filename="../../desktop/core/text/buyer.py" line="+22"/>
        <source>剪贴板里没有可识别的买家信息</source>
        <translation>No buyer details recognised on the clipboard</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>未知的买家信息字段：{name}（可用：{names}）</source>
        <translation>Unknown buyer field: {name} (available: {names})</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>订单号 {number}</source>
        <translation>order number (订单号) {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>运单号 {number}（{carrier}）</source>
        <translation>tracking number (运单号) {number} ({carrier})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>运单号 {number}</source>
        <translation>tracking number (运单号) {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>快递公司 {carrier}</source>
        <translation>carrier (快递公司) {carrier}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>买家昵称 {nickname}</source>
        <translation>buyer nickname (买家昵称) {nickname}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/subtree.py" line="+91"/>
        <location filename="../../desktop/core/text/buyer.py" line="+5"/>
        <source>{first}、{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/text/buyer.py" line="+1"/>
        <source>识别到{found}</source>
        <translation>Recognised {found}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/categories.py" line="+29"/>
        <source>分类不能为空</source>
        <translation>The category cannot be empty</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>分类层级太深（最多 {limit} 层）：{path}</source>
        <translation>Categories nested too deep (at most {limit} levels): {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>分类名含有无效的字符（{code}）：{name}</source>
        <translation>The category name contains an invalid character ({code}): {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>分类名不合适（一行、最多 {limit} 字）：{name}…</source>
        <translation>Unsuitable category name (one line, at most {limit} characters): {name}…</translation>
    </message>
    <message>
        <location line="+71"/>
        <location filename="../../desktop/core/store/category_ops.py" line="+62"/>
        <source>没有这个分类：{path}</source>
        <translation>No such category: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/category_ops.py" line="-30"/>
        <source>分类「{path}」里还有 {count} 条话术；确认后这些话术会和分类一起移到回收站</source>
        <translation>Category “{path}” still holds {count} phrases; if you confirm, they go to the trash together with the category</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>分类名不能包含 / 或 ›：{name}</source>
        <translation>A category name cannot contain / or ›: {name}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>同一层已经有叫「{name}」的分类</source>
        <translation>There is already a category named “{name}” at this level</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+36"/>
        <source>分类说明</source>
        <translation>Category note</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+57"/>
        <source>分类层级太深（最多 {limit} 层）</source>
        <translation>Categories nested too deep (at most {limit} levels)</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>分类编号 {id} 已被占用</source>
        <translation>Category number {id} is already taken</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>不能把分类移到它自己或它的子分类里</source>
        <translation>A category cannot be moved into itself or one of its subcategories</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>「{title}」的快捷编码已被「{other}」使用，无法恢复</source>
        <translation>The shortcut code of “{title}” is now used by “{other}”; it cannot be restored</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>原来的上级分类已不存在，无法恢复这个分类</source>
        <translation>The original parent category no longer exists, so this category cannot be restored</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>分类「{name}」删除后它的编号已被新分类占用，无法撤销删除；回收站里的话术仍可逐条恢复</source>
        <translation>Since category “{name}” was deleted, its number has been taken by a new category, so the deletion cannot be undone; the phrases in the trash can still be restored one by one</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/damaged.py" line="+69"/>
        <source>文件是空的（0 字节），不是话术库</source>
        <translation>the file is empty (0 bytes), not a phrase library</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>不是快回的话术库（里面是别的程序的数据）</source>
        <translation>is not a QuickReply library (it holds another program&apos;s data)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>话术</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>订阅</source>
        <translation>Subscription</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{what} {key} 的文字已损坏（不是有效的 UTF-8），搜索和显示会出错</source>
        <translation>The text of {what} {key} is damaged (not valid UTF-8); search and display will fail</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>无法把损坏的话术库改名保存（{error}），请先关闭正在使用它的程序</source>
        <translation>Cannot rename the damaged library to keep it ({error}); please close any program that is using it first</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>备份文件不可用：{name}（{problem}）</source>
        <translation>The backup file cannot be used: {name} ({problem})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>文件不存在</source>
        <translation>file not found</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>无法从备份恢复：{error}</source>
        <translation>Cannot restore from the backup: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/db.py" line="+78"/>
        <location filename="../../desktop/core/store/snapshot.py" line="+27"/>
        <source>话术库路径是一个文件夹，不是文件：{path}</source>
        <translation>The library path is a folder, not a file: {path}</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>话术库文件已损坏或不是快回的文件：{path}（{error}）</source>
        <translation>The library file is damaged or not a QuickReply file: {path} ({error})</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>无法创建话术库文件 {path}：{error}</source>
        <translation>Cannot create the library file {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/base/errors.py" line="+35"/>
        <source>缺少占位符的值：{names}</source>
        <translation>Missing placeholder values: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team/fetch.py" line="+72"/>
        <source>订阅地址不能为空</source>
        <translation>The subscription address must not be empty</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>只支持 http(s) 地址或文件路径：{source}</source>
        <translation>Only http(s) addresses or file paths are supported: {source}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{host} 太慢：{seconds} 秒内没有传完话术包，保留上次的内容，稍后再试</source>
        <translation>{host} is too slow: the pack did not arrive within {seconds} s; the last copy is kept, try again later</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>话术包太大（最多 {limit} MB）</source>
        <translation>Pack too large (at most {limit} MB)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>读取被取消（超时）</source>
        <translation>reading was cancelled (time limit)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>服务器把订阅重定向到 {url}，只接受 http(s) 地址，已拒绝</source>
        <translation>The server redirected the subscription to {url}; only http(s) addresses are accepted; refused</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>服务器把 https 订阅重定向到不加密的 {url}，已拒绝</source>
        <translation>The server redirected an https subscription to the unencrypted {url}; refused</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{host} 回答 HTTP {code}（{reason}）</source>
        <translation>{host} answered HTTP {code} ({reason})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>连不上 {host}：{reason}</source>
        <translation>Cannot connect to {host}: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>读取 {host} 时出错：{error}</source>
        <translation>Error while reading from {host}: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>这不是一个文件：{path}</source>
        <translation>This is not a file: {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>找不到文件（共享文件夹没连上？）：{path}</source>
        <translation>File not found (is the shared folder connected?): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/packs.py" line="+260"/>
        <location filename="../../desktop/core/team/fetch.py" line="+4"/>
        <source>读不了文件 {path}：{reason}</source>
        <translation>Cannot read file {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/base/files.py" line="+55"/>
        <source>写不了文件 {path}：{error}</source>
        <translation>Cannot write the file {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/formats/__init__.py" line="+39"/>
        <source>不支持的文件类型 （没有扩展名）：可用 {suffixes}</source>
        <translation>Unsupported file type (no extension); supported: {suffixes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不支持的文件类型 {suffix}：可用 {suffixes}</source>
        <translation>Unsupported file type {suffix}; supported: {suffixes}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/formats/base.py" line="-19"/>
        <source>第 {row} 行</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>话术太多：超过 {limit} 条</source>
        <translation>Too many phrases: more than {limit}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>编号太长（最多 {limit} 个字符）</source>
        <translation>ID too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../desktop/core/store/library.py" line="-117"/>
        <location line="+119"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../desktop/core/store/library.py" line="-118"/>
        <location line="+120"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../desktop/core/exchange/formats/csv_io.py" line="+51"/>
        <location filename="../../desktop/core/exchange/packs.py" line="-154"/>
        <source>{where}：{problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/formats/csv_io.py" line="-26"/>
        <source>无法识别文件编码（请另存为 UTF-8 或 GBK 的 CSV）</source>
        <translation>Unrecognised file encoding (save it as a UTF-8 or GBK CSV)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{source} 标明是 UTF-8，但第 {byte} 字节不是 UTF-8；{problem}</source>
        <translation>{source} is marked as UTF-8, but byte {byte} is not UTF-8; {problem}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>单元格太长</source>
        <translation>cell too long</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV 格式不对</source>
        <translation>malformed CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source} 第 {row} 行：{problem}</source>
        <translation>{source}, row {row}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/formats/table.py" line="+151"/>
        <source>列「{name}」与「{first}」重复，用了前一列</source>
        <translation>Column &quot;{name}&quot; duplicates &quot;{first}&quot;; the first one was used</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>找不到内容列：表头第一行应有“内容”（也认“短语”“快捷短语”“短语内容”“content”）</source>
        <translation>No content column: the header row should have &quot;内容&quot; (also accepted: &quot;短语&quot;, &quot;快捷短语&quot;, &quot;短语内容&quot;, &quot;content&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>忽略了不认识的列：{columns}</source>
        <translation>Ignored unknown columns: {columns}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{source} 的行数太多（最多 {limit} 行）</source>
        <translation>{source} has too many rows (at most {limit})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{columns} 是公式，请改成文字</source>
        <translation>{columns}: formulas are not allowed, change them to text</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>第 {row} 行：{problem}</source>
        <translation>Row {row}: {problem}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>{source} 是空的：没有表头，也没有话术</source>
        <translation>{source} is empty: no header and no phrases</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>分类说明太长（最多 {limit} 字）</source>
        <translation>Category note too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>第 {row} 行：内容为空</source>
        <translation>Row {row}: content is empty</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/formats/xlsx_io.py" line="+54"/>
        <location line="+106"/>
        <source>{source} 不是有效的 xlsx 文件（可能已损坏或不完整）</source>
        <translation>{source} is not a valid xlsx file (it may be damaged or incomplete)</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>{source} 里的文件太多（{count} 个），不像是话术表格</source>
        <translation>{source} contains too many files ({count}); it doesn&apos;t look like a phrase sheet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{source} 的压缩比异常（{ratio} 倍），疑似压缩炸弹，已拒绝</source>
        <translation>{source} has an abnormal compression ratio ({ratio}x), likely a zip bomb; refused</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source} 解压后太大（{size} MB，最多 {limit} MB），已拒绝</source>
        <translation>{source} is too large when unpacked ({size} MB, at most {limit} MB); refused</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{source} 的共享文字太多（超过 {limit} 条），不像是话术表格，已拒绝</source>
        <translation>{source} has too many shared strings (over {limit}); it doesn&apos;t look like a phrase sheet; refused</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{source} 里的文字太多（超过 {limit} 字），已拒绝</source>
        <translation>{source} holds too much text (over {limit} characters); refused</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{source} 里没有工作表</source>
        <translation>{source} has no worksheet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{source} 的内容已损坏，读不出来</source>
        <translation>The contents of {source} are damaged and cannot be read</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/importer.py" line="+29"/>
        <location line="+6"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相同</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>新增副本</source>
        <translation>Add a copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>都保留</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>冲突处理方式只能是 {policies}</source>
        <translation>The conflict policy must be one of {policies}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+264"/>
        <location filename="../../desktop/core/store/subtree.py" line="+135"/>
        <source>{label}（{title}）：{problem}</source>
        <translation>{label} ({title}): {problem}</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>分类「{category}」来自订阅，是只读的</source>
        <translation>Category &quot;{category}&quot; comes from a subscription and is read-only</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>编号在回收站里已有，换新编号</source>
        <translation>The ID is already in the trash; a new ID is used</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>与{row}相同</source>
        <translation>Same as {row}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>与话术库里的相同</source>
        <translation>Same as in the library</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>文件里重复：与{row}的编号或快捷编码相同</source>
        <translation>Duplicate in the file: same ID or shortcut code as {row}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>编号相同，分类、快捷编码、标签或备注不同</source>
        <translation>Same ID; category, shortcut code, tags or note differ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>编号相同，文字不同</source>
        <translation>Same ID, different text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>快捷编码 {code} 已被「{title}」使用</source>
        <translation>Shortcut code {code} is already used by &quot;{title}&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{reason}；快捷编码已被占用，改用 {code}</source>
        <translation>{reason}; the shortcut code is taken, using {code} instead</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{reason}；副本用快捷编码 {code}</source>
        <translation>{reason}; the copy uses shortcut code {code}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{first}；{second}；{third}……</source>
        <translation>{first}; {second}; {third}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{first}；{second}；{third}</source>
        <translation>{first}; {second}; {third}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{first}；{second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>有 {count} 行无法导入（{rows}），话术库没有改动</source>
        <translation>{count} rows cannot be imported ({rows}); the library was not changed</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{problem}；确认跳过这些行后再导入</source>
        <translation>{problem}; confirm skipping these rows, then import</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>话术库在预览之后有改动，请重新预览再导入</source>
        <translation>The library changed after the preview; preview again before importing</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/validation.py" line="+30"/>
        <source>{what}含有无效的字符（{code}）</source>
        <translation>{what} contains an invalid character ({code})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>快捷编码</source>
        <translation>Shortcut code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>快捷编码应为一个词、最多 {limit} 个字符：{code}</source>
        <translation>A shortcut code must be one word of at most {limit} characters: {code}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>标签太长（最多 {limit} 字）：{tag}</source>
        <translation>Tag too long (at most {limit} characters): {tag}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>标签太多（最多 {limit} 个）</source>
        <translation>Too many tags (at most {limit})</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>也算对太长（每条最多 {limit} 字）：{text}</source>
        <translation>An also-accepted entry is too long (at most {limit} characters each): {text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>也算对太多（最多 {limit} 条）</source>
        <translation>Too many also-accepted entries (at most {limit})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what}不能为空</source>
        <translation>{what} cannot be empty</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what}太长（{length} 字，最多 {limit} 字）</source>
        <translation>{what} is too long ({length} characters, at most {limit})</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/library.py" line="-284"/>
        <source>话术库文件是空的（0 字节）：{path}</source>
        <translation>The library file is empty (0 bytes): {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} {problem}</source>
        <translation>{path} {problem}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>分类「{category}」来自订阅，是只读的；需要修改请先复制一份到自己的分类</source>
        <translation>Category “{category}” comes from a subscription and is read-only; to change it, first copy it into a category of your own</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>快捷编码 {code} 已被「{title}」（{id}）使用</source>
        <translation>Shortcut code {code} is already used by “{title}” ({id})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>没有这条话术：{id}</source>
        <translation>No such phrase: {id}</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>这条话术不在回收站里：{id}</source>
        <translation>This phrase is not in the trash: {id}</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>话术库文件已损坏，为了不让损坏扩大，没有写入：{path}（{problem}）</source>
        <translation>The library file is damaged; nothing was written so the damage does not spread: {path} ({problem})</translation>
    </message>
    <message>
        <location filename="../../desktop/core/text/lint.py" line="+48"/>
        <source>绝对化承诺：售后纠纷时会被当作承诺，建议改为“尽量”“一般情况下”等留有余地的说法</source>
        <translation>Absolute promise: in an after-sales dispute it counts as a commitment; prefer hedged wording such as “尽量” (as far as possible) or “一般情况下” (usually)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>生硬拒绝：容易引起买家不满和差评，建议先致歉、说明原因，再给出替代办法</source>
        <translation>Blunt refusal: likely to upset the buyer and earn bad reviews; apologise and explain first, then offer an alternative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>冷淡语气词：单独成句显得敷衍，建议改成完整的回应，如“好的呢亲”</source>
        <translation>Cold filler word: on its own it sounds dismissive; write a full reply instead, such as “好的呢亲”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>广告法极限词：可能被投诉或处罚，建议换成具体、可证明的描述</source>
        <translation>Superlative banned by advertising law: may lead to complaints or penalties; use a specific, provable description instead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>站外引流：引导买家到站外联系或交易违反平台规则，可能被处罚，请删除</source>
        <translation>Off-platform contact: directing buyers to contact or trade off the platform breaks its rules and may be penalised; please remove it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>非淘系链接：站外链接会被平台拦截或处罚，只发淘宝/天猫等允许域名的链接</source>
        <translation>Non-Taobao link: off-platform links get blocked or penalised; only send links to allowed domains such as Taobao/Tmall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>话术为空：发送内容不能为空，请填写正文</source>
        <translation>Empty phrase: there is nothing to send; please write the text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>好评返现：淘宝禁止用现金、红包或礼品换好评和晒图，会被处罚，请删除</source>
        <translation>Cash for reviews: Taobao forbids paying cash, red packets or gifts for good reviews or photos and punishes it; remove it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>看不见的字符：零宽字符或文字方向控制符会让买家看到的和这里显示的不一样，建议删除</source>
        <translation>Invisible character: a zero-width or text-direction control character makes what the buyer sees differ from what is shown here; remove it</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>标题：{problem}</source>
        <translation>Title: {problem}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>话术过长（{length} 字，超过 {limit} 字）：买家不易读完，建议精简或拆成几条发送</source>
        <translation>Phrase too long ({length} characters, over {limit}): buyers may not read it all; shorten it or send it as several messages</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>占位符错误：{problem}，发送时会原样显示，请修正</source>
        <translation>Placeholder error: {problem}; it will be sent as written, please fix it</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>未知字段「{name}」：发送时要手动填写；是不是「{guess}」？</source>
        <translation>Unknown field “{name}”: it must be typed by hand when sending; did you mean “{guess}”?</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/organize.py" line="+137"/>
        <source>请给出一个标签：{tag}</source>
        <translation>Please give a single tag: {tag}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exchange/packs.py" line="-75"/>
        <source>文件</source>
        <translation>The file</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{where}.{key} 缺失</source>
        <translation>{where}.{key} is missing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}.{key} 应为文字，实际是 {kind}</source>
        <translation>{where}.{key} should be text, but is {kind}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where}.{key} 不能为空</source>
        <translation>{where}.{key} must not be empty</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{where} 应为分类名列表，例如 [&quot;售后&quot;, &quot;退换货&quot;]</source>
        <translation>{where} should be a list of category names, e.g. [&quot;After-sales&quot;, &quot;Returns&quot;]</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{source} 不是 UTF-8 编码（第 {byte} 字节）</source>
        <translation>{source} is not UTF-8 encoded (byte {byte})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{source} 不是有效的 JSON：第 {line} 行第 {column} 列 {error}</source>
        <translation>{source} is not valid JSON: line {line}, column {column}: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source} 嵌套太深</source>
        <translation>{source} is nested too deeply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source} 里有位数过多的数字，不是快回话术包</source>
        <translation>{source} contains a number with far too many digits; it is not a QuickReply pack</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source} 的最外层应为一个对象</source>
        <translation>{source}: the top level should be an object</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source} 的 {where} 含有无效的字符（{code}，单独的代理码位），已拒绝</source>
        <translation>{where} in {source} contains an invalid character ({code}, a lone surrogate); refused</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source} 不是快回话术包（format 应为 {format}）</source>
        <translation>{source} is not a QuickReply phrase pack (format should be {format})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>不支持的话术包版本：{version}（支持 {supported}）</source>
        <translation>Unsupported pack version: {version} (supported: {supported})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>phrases 应为列表</source>
        <translation>phrases should be a list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>话术太多：{count} 条（最多 {limit}）</source>
        <translation>Too many phrases: {count} (at most {limit})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>categories 应为列表</source>
        <translation>categories should be a list</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+21"/>
        <source>{where} 应为对象</source>
        <translation>{where} should be an object</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>{where}.note 太长（最多 {limit} 字）</source>
        <translation>{where}.note is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{where}.tags 应为文字列表</source>
        <translation>{where}.tags should be a list of text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}.examples 应为文字列表</source>
        <translation>{where}.examples should be a list of text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}.accept 应为文字列表</source>
        <translation>{where}.accept should be a list of texts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}.pinned 应为 true 或 false</source>
        <translation>{where}.pinned should be true or false</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>文件太大：{size} MB（最多 {limit} MB）</source>
        <translation>File too large: {size} MB (at most {limit} MB)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>这是一个文件夹，不是话术文件：{path}</source>
        <translation>This is a folder, not a phrase file: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="+258"/>
        <source>话术库文件来自更新版本的快回（结构版本 {version}），请升级快回后再打开</source>
        <translation>The library file comes from a newer QuickReply (schema version {version}); please update QuickReply before opening it</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/settings.py" line="+44"/>
        <source>快捷键格式不对：{hotkey}（例如 ctrl+alt+k）</source>
        <translation>Invalid hotkey: {hotkey} (for example ctrl+alt+k)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>快捷键缺少按键：{hotkey}（例如 ctrl+alt+k）</source>
        <translation>The hotkey has no key: {hotkey} (for example ctrl+alt+k)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不认识的按键：{key}</source>
        <translation>Unknown key: {key}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不认识的修饰键：{keys}（可用 ctrl、alt、shift、win）</source>
        <translation>Unknown modifier: {keys} (available: ctrl, alt, shift, win)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快捷键里有重复的修饰键：{hotkey}</source>
        <translation>The hotkey repeats a modifier: {hotkey}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快捷键需要至少一个修饰键（ctrl、alt、win），否则会抢走正常打字</source>
        <translation>The hotkey needs at least one modifier (ctrl, alt, win), or it would catch normal typing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Space / Shift+Space 是中文输入法的切换键，请换一个</source>
        <translation>Ctrl+Space / Shift+Space switch the Chinese input method; please choose another</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>可选的值：{choices}</source>
        <translation>Allowed values: {choices}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>需要一个整数（{low}–{high}）：{value}</source>
        <translation>A whole number is needed ({low}–{high}): {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数值超出范围 {low}–{high}：{value}</source>
        <translation>Value out of range {low}–{high}: {value}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>时间格式应为 时:分，例如 16:00：{value}</source>
        <translation>The time should be hours:minutes, for example 16:00: {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>店铺变量应为一行、不超过 200 字</source>
        <translation>A store variable must be one line of at most 200 characters</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>学员名字应为一行、不超过 40 字</source>
        <translation>The trainee name should be one line of at most 40 characters</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>没有这个设置项：{key}（可用：{known}，或 store.变量名）</source>
        <translation>No such setting: {key} (available: {known}, or store.&lt;variable name&gt;)</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team/signing.py" line="+35"/>
        <source>话术包</source>
        <translation>The pack</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../desktop/core/team/subscriptions.py" line="+76"/>
        <source>未签名</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签名有效（公钥 {key}）</source>
        <translation>Valid signature (public key {key})</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/core/team/subscriptions.py" line="-1"/>
        <source>签名有效但未固定公钥（{key}）</source>
        <translation>Valid signature, but the public key is not pinned ({key})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>公钥格式不对（应为 44 个字符的 base64）：{key}</source>
        <translation>Malformed public key (should be 44 characters of base64): {key}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>密钥文件已存在，不会覆盖：{path}（换一个 --out 文件夹）</source>
        <translation>Key file already exists and won&apos;t be overwritten: {path} (choose another --out folder)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>写不了密钥文件 {path}：{reason}</source>
        <translation>Cannot write key files to {path}: {reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>读不了私钥文件 {path}：{reason}</source>
        <translation>Cannot read private key file {path}: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>私钥有密码保护，请设置环境变量 {name}</source>
        <translation>The private key is passphrase-protected; set the environment variable {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>私钥没有密码保护，不要设置 {name}</source>
        <translation>The private key has no passphrase; don&apos;t set {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>私钥文件损坏或密码不对：{path}</source>
        <translation>Private key file damaged or wrong passphrase: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不是 Ed25519 私钥：{path}</source>
        <translation>Not an Ed25519 private key: {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>读不了公钥文件 {path}：{reason}</source>
        <translation>Cannot read public key file {path}: {reason}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>话术包没有签名，但这个订阅固定了发布者公钥，已拒绝</source>
        <translation>The pack is unsigned, but this subscription has a pinned publisher key; refused</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>话术包的签名格式不对（signature 应含 algorithm、key、value）</source>
        <translation>The pack&apos;s signature is malformed (signature should contain algorithm, key, value)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>不支持的签名算法：{name}（支持 {supported}）</source>
        <translation>Unsupported signature algorithm: {name} (supported: {supported})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>话术包由别的公钥签名（{signer}），不是固定的发布者（{pinned}），已拒绝</source>
        <translation>The pack is signed by another public key ({signer}), not the pinned publisher ({pinned}); refused</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>话术包签名无效：内容在签名后被改动过，已拒绝</source>
        <translation>Invalid pack signature: the content was changed after signing; refused</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>话术包不是 UTF-8 编码</source>
        <translation>The pack is not UTF-8 encoded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>话术包不是有效的 JSON</source>
        <translation>The pack is not valid JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>话术包的最外层应为一个对象</source>
        <translation>The pack&apos;s top level should be an object</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>文件太大（最多 {limit} MB）：{path}</source>
        <translation>File too large (at most {limit} MB): {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>读不了话术包 {path}：{reason}</source>
        <translation>Cannot read pack {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team/subscriptions.py" line="-2"/>
        <source>固定公钥 {key}</source>
        <translation>Pinned public key {key}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>没有这个订阅：{ref}</source>
        <translation>No such subscription: {ref}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>没有这个订阅：{ref}（quickreply subscriptions 列出全部）</source>
        <translation>No such subscription: {ref} (quickreply subscriptions lists them all)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>订阅名称不能包含 / 或 ›：{name}</source>
        <translation>A subscription name cannot contain / or ›: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已有名为「{name}」的分类；用 --as 给订阅换一个名字</source>
        <translation>A category named &quot;{name}&quot; already exists; use --as to give the subscription another name</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>已订阅「{name}」：{count} 条话术；{trust}</source>
        <translation>Subscribed to &quot;{name}&quot;: {count} phrases; {trust}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>话术包未签名（组长签名后可用 --pin 固定公钥）</source>
        <translation>The pack is unsigned (once the team lead signs it, pin the key with --pin)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签名有效，公钥 {key}</source>
        <translation>Valid signature, public key {key}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已固定发布者公钥 {key}（请与组长核对）</source>
        <translation>Pinned the publisher&apos;s public key {key} (check it with your team lead)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{problem}；保留上次的内容，稍后再试</source>
        <translation>{problem}; keeping the previous content, will try again later</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <source>没有变化</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>话术包比已经用着的旧（创建时间 {created}，已有 {previous}），可能是旧版本被重新放了上去，已拒绝</source>
        <translation>The pack is older than the one in use (created {created}, in use {previous}); an old version may have been put back; refused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{problem}；保留上次的内容</source>
        <translation>{problem}; keeping the previous content</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>订阅「{name}」的分类不见了，而且已有同名的分类；请退订后重新订阅</source>
        <translation>The category of subscription &quot;{name}&quot; is gone and another category has its name; unsubscribe and subscribe again</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/subtree.py" line="-145"/>
        <source>新增 {count} 条</source>
        <translation>{count} added</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改 {count} 条</source>
        <translation>{count} changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除 {count} 条</source>
        <translation>{count} removed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{first}、{second}、{third}</source>
        <translation>{first}, {second}, {third}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>内容没有变化</source>
        <translation>Content unchanged</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>分类 {category}：{problem}</source>
        <translation>Category {category}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/text/template.py" line="+30"/>
        <source>占位符缺少右括号 }</source>
        <extracomment>Store settings read from the values mapping by the ``发货日`` built-in.</extracomment>
        <translation>Placeholder is missing its closing }</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>占位符里不能再有 {（字面的花括号请写成 {{ 和 }}）</source>
        <translation>A placeholder cannot contain another { (write literal braces as {{ and }})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>多余的右括号 }（字面的 } 请写成 }}）</source>
        <translation>Stray closing } (write a literal } as }})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>占位符名称为空</source>
        <translation>Placeholder name is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选项占位符没有任何选项</source>
        <translation>Choice placeholder has no options</translation>
    </message>
    <message>
        <location line="+256"/>
        <location line="+28"/>
        <source>填好的话术太长（超过 {limit} 字），请检查填入的值</source>
        <translation>The filled-in phrase is too long (over {limit} characters); check the values filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/__init__.py" line="+40"/>
        <source>当前桌面环境不支持全局快捷键（{reason}），请从托盘图标打开话术面板</source>
        <translation>This desktop does not support global hotkeys ({reason}); open the phrase picker from the tray icon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>当前桌面环境不支持全局快捷键，请从托盘图标打开话术面板</source>
        <translation>This desktop does not support global hotkeys; open the phrase picker from the tray icon</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>没有找到 X11 显示 (Wayland 会话)，DISPLAY 未设置</source>
        <translation>No X11 display found (Wayland session): DISPLAY is not set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有找到 X11 显示，DISPLAY 未设置</source>
        <translation>No X11 display found: DISPLAY is not set</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>未知的平台类型 {kind}</source>
        <translation>Unknown platform type {kind}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{backend} 后端无法启动：{error}</source>
        <translation>The {backend} backend could not start: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/autostart_entry.py" line="+25"/>
        <source>无法写入开机启动项 {path}：{error}</source>
        <translation>Cannot write the start-up entry {path}: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无法读取开机启动项 {path}：{error}</source>
        <translation>Cannot read the start-up entry {path}: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} 不是快回写入的，没有删除；需要时请手动删除</source>
        <translation>{path} was not written by QuickReply, so it was left in place; delete it by hand if needed</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>无法删除开机启动项 {path}：{error}</source>
        <translation>Cannot delete the start-up entry {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/autostart_windows.py" line="+44"/>
        <source>无法读取开机启动设置（{error}）</source>
        <translation>Cannot read the start-up setting ({error})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法写入开机启动项（{error}）</source>
        <translation>Cannot write the start-up entry ({error})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法删除开机启动项（{error}）</source>
        <translation>Cannot delete the start-up entry ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/base.py" line="+42"/>
        <source>快捷键 {spec} 无法识别，请在 设置 里重新录入</source>
        <translation>Hotkey {spec} is not recognised; record it again in Settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>快捷键 {spec} 需要至少一个修饰键（ctrl/alt/shift/win）</source>
        <translation>Hotkey {spec} needs at least one modifier (ctrl/alt/shift/win)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>这个系统上不支持全局快捷键</source>
        <translation>Global hotkeys are not supported on this system</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/windows_hotkey.py" line="+117"/>
        <source>快捷键 {spec} 无法注册（{error}），请在 设置 里换一个</source>
        <translation>Hotkey {spec} could not be registered ({error}); choose another in Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/x11.py" line="+94"/>
        <source>快捷键 {spec} 的按键在当前键盘布局里不存在，请换一个</source>
        <translation>A key of hotkey {spec} does not exist in the current keyboard layout; choose another</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/windows_hotkey.py" line="-4"/>
        <location filename="../../desktop/platform/x11.py" line="+13"/>
        <source>快捷键 {spec} 已被其他程序占用，请在 设置 里换一个</source>
        <translation>Hotkey {spec} is taken by another program; choose another in Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/x11.py" line="+142"/>
        <source>无法连接 X 显示 {display}：{error}</source>
        <translation>Cannot connect to X display {display}: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>X 服务器没有 XTEST 扩展，无法模拟粘贴</source>
        <translation>The X server lacks the XTEST extension, so pasting cannot be simulated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/phrase_model.py" line="+57"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/suggestions.py" line="+63"/>
        <source>买家常问太长（每条最多 {limit} 字）：{text}</source>
        <translation>Example question too long (at most {limit} characters each): {text}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>买家常问太多（最多 {limit} 条）</source>
        <translation>Too many example questions (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../desktop/core/training/drill.py" line="+112"/>
        <source>这些分类里没有买家常问，没法练习：请先在话术里填写「买家常问」，或导入组长的练习包</source>
        <translation>These categories have no example buyer questions to drill: fill in &quot;example questions&quot; on the phrases first, or import your team lead&apos;s drill pack</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>题数应为 1 到 {limit}</source>
        <translation>The number of questions should be 1 to {limit}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/training/results.py" line="+72"/>
        <source>学员名字应为一行、1 到 40 字</source>
        <translation>The trainee name should be one line of 1 to 40 characters</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>不是快回导出的练习成绩：{path}</source>
        <translation>Not a drill results file exported by QuickReply: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/storage_errors.py" line="+63"/>
        <source>磁盘已满，话术库没有改动：{path}（请清理磁盘空间后再试）</source>
        <translation>The disk is full; the library was not changed: {path} (free some disk space and try again)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>话术库所在的磁盘或文件夹是只读的，无法写入：{path}（请换到可写的位置或取消只读）</source>
        <translation>The disk or folder holding the library is read-only, so it cannot be written: {path} (move it somewhere writable or lift the read-only setting)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>话术库正被另一个程序写入（例如正在导入），请稍后再试：{path}</source>
        <translation>Another program is writing to the library (an import, for example); please try again shortly: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打不开话术库文件（没有权限，或文件正被别的程序独占）：{path}（{error}）</source>
        <translation>Cannot open the library file (no permission, or another program holds it exclusively): {path} ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/autostart.py" line="+62"/>
        <source>这个系统不支持开机启动，请手动把快回加入启动项</source>
        <translation>This system does not support starting at login; add QuickReply to the startup programs by hand</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../desktop/ui/buyer_dialog.py" line="+20"/>
        <source>当前买家</source>
        <translation>Current buyer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>从剪贴板识别</source>
        <translation>Read from clipboard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下一位买家</source>
        <translation>Next buyer</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>识别到 %1</source>
        <translation>Found %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>剪贴板里没有可识别的买家信息</source>
        <translation>Nothing on the clipboard looks like buyer details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已清空，可以接待下一位买家</source>
        <translation>Cleared, ready for the next buyer</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <location filename="../../desktop/ui/side_panel_tree.py" line="+42"/>
        <source>常用</source>
        <translation>Frequent</translation>
    </message>
</context>
<context>
    <name>DrillPicker</name>
    <message>
        <location filename="../../desktop/ui/drill/picker.py" line="+57"/>
        <source>Enter 回答 · Ctrl+1…9 选第几条 · Esc 结束练习</source>
        <translation>Enter answers · Ctrl+1…9 picks a row · Esc ends the drill</translation>
    </message>
</context>
<context>
    <name>DrillWindow</name>
    <message>
        <location filename="../../desktop/ui/drill/window.py" line="+58"/>
        <source>快回 应答练习</source>
        <translation>QuickReply Response Drill</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>学员</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>分类（不选就是全部）</source>
        <translation>Categories (none ticked = all)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>题数</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>和工作时一样（搜索、编码、建议）</source>
        <translation>As at work (search, codes, suggestions)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更难：只能搜索，没有建议</source>
        <translation>Harder: search only, no suggestions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>难度</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>开始应答练习（Enter）</source>
        <translation>Start the response drill (Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打字练习…</source>
        <translation>Typing drill…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>每题是一条买家常问：在限定时间内用搜索、拼音、编码或建议选出要发的话术。答完会告诉你对不对、用了几秒，答错时给出应选的话术和编码。</source>
        <translation>Each question is an example buyer question: within the time limit, pick the phrase to send with search, pinyin, codes or suggestions. After each answer you see whether it was right and how long it took; when wrong, the expected phrase and its code.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>要记住的话术（编码 · 标题）</source>
        <translation>Phrases to learn (code · title)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>每天的正确率</source>
        <translation>Accuracy by day</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出成绩 CSV…</source>
        <translation>Export results as CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>再练一轮（Enter）</source>
        <translation>Another round (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>（%1 问）</source>
        <translation> (%1 questions)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>话术库里还没有买家常问，没法出题。请组长在话术里填写「买家常问」（每条话术几种买家的问法），或导入组长分享的练习包。</source>
        <translation>The library has no example buyer questions yet, so there is nothing to ask. Ask your team lead to fill in &quot;example questions&quot; on the phrases (a few ways buyers ask for each), or import the drill pack your lead shared.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>第 %1/%2 题</source>
        <translation>Question %1/%2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>时间到 ✗  应选：%1</source>
        <translation>Time is up ✗  Expected: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ 正确 · %1</source>
        <translation>✓ Right · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（超时）</source>
        <translation> (over the limit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ 不对 · %1 · 你选了「%2」
应选：%3</source>
        <translation>✗ Wrong · %1 · you picked “%2”
Expected: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter 看成绩</source>
        <translation>Enter shows the results</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter 下一题</source>
        <translation>Enter for the next question</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>这一轮：答对 %1/%2 · 中位用时 %3 秒 · 限时内 %4/%2</source>
        <translation>This round: %1/%2 right · median %3 s · %4/%2 within the limit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>这一轮没有回答</source>
        <translation>No answers in this round</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 累计：%2 题 · 正确率 %3 · 中位用时 %4 秒 · 限时内 %5</source>
        <translation>%1 overall: %2 questions · %3 right · median %4 s · %5 within the limit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>薄弱分类：</source>
        <translation>Weakest categories: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>练习成绩-%1.csv</source>
        <translation>drill-results-%1.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出练习成绩</source>
        <translation>Export drill results</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导出 %1 条到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+34"/>
        <source>买家昵称</source>
        <translation>Buyer nickname (买家昵称)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>订单号</source>
        <translation>Order number (订单号)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>商品</source>
        <translation>Product (商品)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快递公司</source>
        <translation>Carrier (快递公司)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>运单号</source>
        <translation>Tracking number (运单号)</translation>
    </message>
</context>
<context>
    <name>FillForm</name>
    <message>
        <location filename="../../desktop/ui/fill_form.py" line="+104"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>HandbookDialog</name>
    <message>
        <location filename="../../desktop/ui/library/dialogs.py" line="+101"/>
        <source>导出手册</source>
        <translation>Export handbook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>勾选要导出的分类（含子分类）；都不勾选则导出整个话术库。</source>
        <translation>Tick the categories to export (subcategories included); tick none to export the whole library.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>话术手册</source>
        <translation>Phrase handbook</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出 HTML…</source>
        <translation>Export HTML…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/handbook_pdf.py" line="+155"/>
        <source>生成 PDF 失败</source>
        <translation>Could not create the PDF</translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <location filename="../../desktop/ui/hotkey_edit.py" line="+57"/>
        <source>这个键不能用作快捷键</source>
        <translation>This key cannot be used in a hotkey</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>点击这里后按下新的快捷键</source>
        <translation>Click here, then press the new hotkey</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="-218"/>
        <source>话术文件 (*.json *.xlsx *.csv);;所有文件 (*)</source>
        <translation>Phrase files (*.json *.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>分类 / 标题</source>
        <translation>Category / title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>相同</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新增副本</source>
        <translation>Add as copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>都保留</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>导入话术</source>
        <translation>Import phrases</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择 .json / .xlsx / .csv 文件</source>
        <translation>Choose a .json / .xlsx / .csv file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>编号或快捷编码相同但内容不同时：</source>
        <translation>Same ID or shortcut code but different content:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>选择话术文件</source>
        <translation>Choose a phrase file</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>将%1 %2 条</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>共 %1 条：</source>
        <translation>%1 phrases: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>。</source>
        <translation>. </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>跳过有问题的 %1 行，其余照常导入</source>
        <translation>Skip the %1 rows with problems and import the rest</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>已导入：新增 %1 条，替换 %2 条，跳过 %3 条。</source>
        <translation>Imported: %1 added, %2 replaced, %3 skipped.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>导入前已备份，可以在托盘菜单选“撤销导入”。</source>
        <translation>A backup was made before importing; choose “Undo import” in the tray menu to go back.</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../desktop/ui/library/window.py" line="+43"/>
        <source>话术库 - 快回</source>
        <translation>Phrase library - QuickReply</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>（这个分类还没有说明）</source>
        <translation>(No note for this category yet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部话术</source>
        <translation>All phrases</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>这条话术无法保存：%1

放弃修改并关闭？</source>
        <translation>This phrase cannot be saved: %1

Discard the changes and close?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/library/operations.py" line="+62"/>
        <source>已移到回收站（Ctrl+Z 撤销）</source>
        <translation>Moved to the trash (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>移动 %1 条话术到…</source>
        <translation>Move phrases (%1) to…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>给所选话术添加标签：</source>
        <translation>Add a tag to the selected phrases:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>从所选话术移除标签：</source>
        <translation>Remove a tag from the selected phrases:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>新建分类</source>
        <translation>New category</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>分类名称：</source>
        <translation>Category name:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>分类说明 - %1</source>
        <translation>Category note - %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>这个分类的说明（新人浏览时会看到）：</source>
        <translation>A note for this category (new hires see it while browsing):</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>分类「%1」（含子分类）里有 %2 条话术。
删除后这些话术会移到回收站，可以撤销（Ctrl+Z）。确定删除？</source>
        <translation>The category “%1” (with its subcategories) holds %2 phrases.
Deleting it moves them to the trash, and Ctrl+Z undoes it. Delete it?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>删除分类「%1」？</source>
        <translation>Delete the category “%1”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除分类</source>
        <translation>Delete category</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>永久删除回收站里的 %1 条话术？此操作不能撤销，撤销记录也会清空。</source>
        <translation>Delete the %1 phrases in the trash for good? This cannot be undone, and the undo history is cleared too.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>清空回收站</source>
        <translation>Empty trash</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>回收站已清空</source>
        <translation>Trash emptied</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>导出手册</source>
        <translation>Export handbook</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>已导出手册：%1 条话术 → %2</source>
        <translation>Handbook exported: %1 phrases → %2</translation>
    </message>
</context>
<context>
    <name>PasteService</name>
    <message>
        <location filename="../../desktop/ui/paste.py" line="+30"/>
        <source>没有找到原来的输入窗口，话术已复制到剪贴板</source>
        <translation>The window you were typing in was not found; the phrase is on the clipboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原来的窗口已关闭，话术已复制到剪贴板</source>
        <translation>The window you were typing in has closed; the phrase is on the clipboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法模拟粘贴按键，话术已复制到剪贴板</source>
        <translation>Could not press Ctrl+V for you; the phrase is on the clipboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>粘贴前焦点离开了原来的窗口，没有粘贴，话术已复制到剪贴板</source>
        <translation>Focus left the chat window before pasting, so nothing was pasted; the phrase is on the clipboard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>剪贴板被其他程序占用，话术没有发送，请稍后再试</source>
        <translation>Another program is holding the clipboard, so nothing was sent; please try again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>聊天窗口以管理员身份运行，无法自动粘贴；话术已复制到剪贴板，请按 Ctrl+V</source>
        <translation>The chat window runs as administrator, so it cannot be pasted into automatically; the phrase is on the clipboard, press Ctrl+V</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>聊天窗口没有响应，没有粘贴；话术已复制到剪贴板</source>
        <translation>The chat window is not responding, so nothing was pasted; the phrase is on the clipboard</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../../desktop/ui/library/editor.py" line="+57"/>
        <source>选择一条话术，或按 Ctrl+N 新建</source>
        <translation>Select a phrase, or press Ctrl+N to create one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>标题，例如：发货时间</source>
        <translation>Title, e.g. Shipping time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如 fhsj</source>
        <translation>e.g. fhsj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用逗号分隔</source>
        <translation>Separated by commas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>什么时候用这条话术</source>
        <translation>When to use this phrase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>买家会怎么问，用 | 分隔，例如：发货了吗 | 什么时候发</source>
        <translation>How buyers ask, separated by |, e.g. shipped yet | when will it ship</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>练习时也算答对的其他话术：快捷编码或标题，用 | 分隔</source>
        <translation>Other phrases also right in a drill: shortcut codes or titles, separated by |</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>话术内容；{买家昵称} 这样的占位符发送时自动填入</source>
        <translation>Phrase text; placeholders such as {买家昵称} are filled in when it is sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>插入字段</source>
        <translation>Insert field</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>快捷编码</source>
        <translation>Shortcut code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>适用场景</source>
        <translation>When to use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>买家常问</source>
        <translation>Buyer questions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>也算对</source>
        <translation>Also right</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>预览（示例值）</source>
        <translation>Preview (sample values)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>适用场景：</source>
        <translation>When to use: </translation>
    </message>
    <message>
        <location line="+82"/>
        <source>快捷编码「%1」已被「%2」使用</source>
        <translation>The shortcut code “%1” is already used by “%2”</translation>
    </message>
</context>
<context>
    <name>PhraseTableModel</name>
    <message>
        <location filename="../../desktop/ui/library/phrase_model.py" line="-32"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>适用场景</source>
        <translation>When to use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>使用</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近使用</source>
        <translation>Last used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <location filename="../../desktop/ui/popup.py" line="+94"/>
        <source>快回</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>搜索：汉字 / 拼音 / 首字母 / 编码</source>
        <translation>Search: characters, pinyin, initials or code</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>买家：%1</source>
        <translation>Buyer: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>没有找到匹配的话术</source>
        <translation>No matching phrases</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>这条话术已被删除</source>
        <translation>This phrase has been deleted</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter 发送 · Ctrl+1…9 直接发送 · Tab 填写 · Esc 关闭</source>
        <translation>Enter sends · Ctrl+1…9 sends that row · Tab fills in · Esc closes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请先填写：%1</source>
        <translation>Fill in first: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../desktop/ui/drill/chart.py" line="+67"/>
        <source>还没有练习记录</source>
        <translation>No drill results yet</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <location filename="../../desktop/ui/result_delegate.py" line="+160"/>
        <source>建议</source>
        <translation>Suggested</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="+18"/>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>快回 设置</source>
        <translation>QuickReply Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全局快捷键</source>
        <translation>Global hotkey</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>自动粘贴到聊天窗口</source>
        <translation>Paste into the chat window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只复制到剪贴板</source>
        <translation>Only copy to the clipboard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>粘贴方式</source>
        <translation>Paste mode</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 毫秒</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>粘贴后恢复剪贴板的延迟</source>
        <translation>Restore clipboard after</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>店铺名</source>
        <translation>Shop name (店铺名)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>客服名</source>
        <translation>Agent name (客服名)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>当天发货截止时间</source>
        <translation>Same-day shipping cut-off (发货截止时间)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>不发货的星期</source>
        <translation>No shipping on (不发货的星期)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>跟随系统</source>
        <translation>Same as system</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>重新启动快回后生效</source>
        <translation>Takes effect when QuickReply restarts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>开机时启动快回</source>
        <translation>Start QuickReply when I log in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>开机启动</source>
        <translation>Autostart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按快捷键时，为剪贴板里的买家消息先给出建议</source>
        <translation>When the hotkey opens the picker, suggest phrases for a buyer message on the clipboard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从发送的建议学习（只记词表里的词）</source>
        <translation>Learn from the suggestions I send (dictionary words only)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>清除学习记录</source>
        <translation>Erase what was learned</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>建议话术</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>和工作时一样（搜索、编码、建议）</source>
        <translation>As at work (search, codes, suggestions)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更难：只能搜索，没有建议</source>
        <translation>Harder: search only, no suggestions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>空着就用系统用户名</source>
        <translation>Empty: the computer&apos;s user name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>练习每题时间</source>
        <translation>Drill time per question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>学员名字</source>
        <translation>Trainee name</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>已学到 %1 条“词 → 话术”</source>
        <translation>%1 learned “word → phrase” links</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>这个系统上不支持开机启动</source>
        <translation>Autostart is not supported on this system</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>登录时自动启动快回（%1）</source>
        <translation>Start QuickReply automatically at login (%1)</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../desktop/ui/side_panel.py" line="+85"/>
        <source>快回 侧边栏</source>
        <translation>QuickReply Side Panel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>快回</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>展开快回侧边栏</source>
        <translation>Expand the QuickReply side panel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>快回话术</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>收起</source>
        <translation>Collapse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收起成屏幕边上的细条</source>
        <translation>Collapse to a thin strip at the screen edge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭侧边栏（托盘菜单可再打开）</source>
        <translation>Close the side panel (the tray menu opens it again)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>单击粘贴到聊天窗口 · 悬停看全文</source>
        <translation>Click to paste · hover to read</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>建议 · %1</source>
        <translation>Suggested · %1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>靠左</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>靠右</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>停靠到屏幕左边</source>
        <translation>Dock on the left of the screen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>停靠到屏幕右边</source>
        <translation>Dock on the right of the screen</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../../desktop/ui/stats_dialog.py" line="+41"/>
        <source>快回 使用统计</source>
        <translation>QuickReply Usage Statistics</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全部</source>
        <translation>All time</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> 字/分钟</source>
        <translation> chars/min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用来估算节省的时间；新手约 80 字/分钟</source>
        <translation>Used to estimate the time saved; a new hire types about 80 chars/min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>按打字练习实测：%1 汉字/分钟；用来估算节省的时间</source>
        <translation>Measured in the typing drill: %1 characters a minute; used to estimate the time saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>时段</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打字速度</source>
        <translation>Typing speed</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>最常用（前 10）</source>
        <translation>Most used (top 10)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>使用次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>最后使用</source>
        <translation>Last used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>节省（分钟）</source>
        <translation>Saved (min)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>使用 %1 次 · 估计节省打字时间 %2</source>
        <translation>%1 uses · about %2 of typing saved</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>（已删除）</source>
        <translation> (deleted)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 天未使用：%2 条</source>
        <translation>Unused for %1 days: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>从未使用</source>
        <translation>Never used</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>最后使用 </source>
        <translation>Last used </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>快回统计-%1.csv</source>
        <translation>QuickReply-stats-%1.csv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出统计</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>无法写入文件：</source>
        <translation>Cannot write the file: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已导出 %1 条到 %2</source>
        <translation>Exported %1 phrases to %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionsDialog</name>
    <message>
        <location filename="../../desktop/ui/subscriptions_dialog.py" line="-24"/>
        <location line="+61"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上次更新</source>
        <translation>Last updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>快回 订阅</source>
        <translation>QuickReply Subscriptions</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>https://… 或共享文件夹里的话术包 .json</source>
        <translation>https://… or a phrase pack .json in a shared folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>名称（可选，默认用话术包的名称）</source>
        <translation>Name (optional; the pack&apos;s own name by default)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>发布者公钥（可选；留空则信任第一次读到的签名）</source>
        <translation>Publisher&apos;s public key (optional; if empty, the first signature seen is trusted)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>订阅地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>公钥</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>立即更新</source>
        <translation>Update now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>正在检查订阅…</source>
        <translation>Checking subscriptions…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择话术包</source>
        <translation>Choose a phrase pack</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>话术包 (*.json)</source>
        <translation>Phrase packs (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请填写订阅地址：http(s) 地址或共享文件夹里的文件</source>
        <translation>Enter the subscription address: an http(s) address or a file in a shared folder</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>订阅失败：</source>
        <translation>Subscribing failed: </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>删除订阅</source>
        <translation>Remove subscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除订阅「%1」和它的全部话术？自己复制出来的话术不受影响。</source>
        <translation>Remove the subscription “%1” and all its phrases? Phrases you copied out of it stay.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>先在列表里选一个订阅</source>
        <translation>Select a subscription in the list first</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已删除订阅「%1」，移除了 %2 条话术</source>
        <translation>Removed the subscription “%1” and its phrases (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>还没有订阅</source>
        <translation>No subscriptions yet</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../desktop/ui/library/dialogs.py" line="-101"/>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原分类</source>
        <translation>Was in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>删除时间</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复所选</source>
        <translation>Restore selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清空回收站…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop/ui/tray.py" line="+27"/>
        <source>搜索话术</source>
        <translation>Search phrases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当前买家</source>
        <translation>Current buyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>话术库</source>
        <translation>Phrase library</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>侧边栏</source>
        <translation>Side panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>练习</source>
        <translation>Drill</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入话术…</source>
        <translation>Import phrases…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>订阅…</source>
        <translation>Subscriptions…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>暂停热键</source>
        <translation>Pause hotkey</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>快回 QuickReply</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>按 %1 搜索话术</source>
        <translation>Press %1 to search phrases</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复热键</source>
        <translation>Resume hotkey</translation>
    </message>
</context>
<context>
    <name>TypingWindow</name>
    <message>
        <location filename="../../desktop/ui/drill/typing.py" line="+71"/>
        <source>快回 打字练习</source>
        <translation>QuickReply Typing Drill</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>用输入法照着上面打，打完按 Enter</source>
        <translation>Type the text above with your input method, then press Enter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>每天的速度（汉字/分钟）</source>
        <translation>Speed by day (Chinese characters a minute)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>话术库里没有够长的话术可以练打字</source>
        <translation>The library has no phrase long enough to practise typing</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>第 %1/%2 段</source>
        <translation>Text %1/%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 汉字/分钟 · 准确率 %2% · 错 %3 字（目标 %4 → %5）</source>
        <translation>%1 characters/min · accuracy %2% · %3 wrong (target %4 → %5)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>这一组打完了。关掉窗口，或按 Enter 再来一组。</source>
        <translation>This set is done. Close the window, or press Enter for another set.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>还没有打字记录</source>
        <translation>No typing results yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 累计 %2 段：%3 汉字/分钟，准确率 %4%</source>
        <translation>%1 overall, %2 texts: %3 characters/min, accuracy %4%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>起步 %1</source>
        <translation>start %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标 %1</source>
        <translation>goal %1</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+49"/>
        <source>「%1」%2</source>
        <translation>“%1”: %2</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../desktop/ui/library/window_parts.py" line="-123"/>
        <source>编辑说明…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>搜索全部话术：汉字、拼音、首字母或编码（Ctrl+F）</source>
        <translation>Search all phrases: characters, pinyin, initials or code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>话术库</source>
        <translation>Phrase library</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
</context>
</TS>
