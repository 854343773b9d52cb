<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/app.py" line="+61"/>
        <source>快回 搜索</source>
        <translation>QuickReply Search</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>话术已复制到剪贴板，按 Ctrl+V 粘贴</source>
        <translation>The phrase is on the clipboard; press Ctrl+V to paste it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有自动粘贴</source>
        <translation>Not pasted automatically</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>全局快捷键不可用</source>
        <translation>Global hotkey unavailable</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>。可以在 设置 里换一个，或运行 quickreply config hotkey ctrl+alt+j</source>
        <translation>. Pick another one in Settings, or run quickreply config hotkey ctrl+alt+j</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>快捷键注册失败</source>
        <translation>Hotkey not registered</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>热键已暂停</source>
        <translation>Hotkey paused</translation>
    </message>
    <message>
        <location line="+134"/>
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
        <location line="+12"/>
        <source>快回已启动</source>
        <translation>QuickReply started</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>按 %1 搜索话术</source>
        <translation>Press %1 to search phrases</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>托盘图标</source>
        <translation>the tray icon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>话术库已恢复</source>
        <translation>Phrase library recovered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="+38"/>
        <source>未知位置</source>
        <translation>unknown place</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location filename="../../desktop/ui/import_dialog.py" line="+210"/>
        <location line="+3"/>
        <location line="+18"/>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>没有可以撤销的导入（找不到导入前的备份，或已经撤销过）</source>
        <translation>There is no import to undo (no backup from before an import, or it was already undone)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>话术库将回到 %1 导入之前的样子，之后做的修改也会撤销。撤销前会先备份现在的状态。要撤销吗？</source>
        <translation>The phrase library will go back to how it was before the import of %1, and changes made since then are undone too. The current state is backed up first. Undo the import?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>撤销导入失败</source>
        <translation>Undo import failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已撤销导入</source>
        <translation>Import undone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>话术库已回到导入之前；撤销前的状态备份为 %1</source>
        <translation>The phrase library is back to how it was before the import; the state before undoing is backed up as %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/commands.py" line="+61"/>
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
        <location filename="../../desktop/ui/library/editor_parts.py" line="+76"/>
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
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library/tree_model.py" line="+164"/>
        <source>来自订阅，只读</source>
        <translation>From a subscription, read-only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery.py" line="+45"/>
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
        <location filename="../../desktop/ui/stats_dialog.py" line="+41"/>
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
        <location filename="../../desktop/ui/subscription_updater.py" line="+118"/>
        <source>订阅更新失败</source>
        <translation>Subscription update failed</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>团队话术已更新</source>
        <translation>Team phrases updated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>订阅的更新被拒绝</source>
        <translation>Subscription update refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/subscriptions_dialog.py" line="+32"/>
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
        <location filename="../../desktop/ui/library/window_parts.py" line="+126"/>
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
        <source>新人浏览模式</source>
        <translation>Browse mode (for new hires)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>新建子分类</source>
        <translation>New subcategory</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+27"/>
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
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+32"/>
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
        <location filename="../../desktop/ui/library/dialogs.py" line="+104"/>
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
        <location filename="../../desktop/ui/hotkey_edit.py" line="+39"/>
        <source>这个键不能用作快捷键</source>
        <translation>This key cannot be used in a hotkey</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>点击这里后按下新的快捷键</source>
        <translation>Click here, then press the new hotkey</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="-210"/>
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
        <location line="+18"/>
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
        <location filename="../../desktop/ui/library/window.py" line="+42"/>
        <source>话术库 - 快回</source>
        <translation>Phrase library - QuickReply</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+99"/>
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
        <location filename="../../desktop/ui/library/operations.py" line="+61"/>
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
        <location line="+51"/>
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
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../../desktop/ui/library/editor.py" line="+54"/>
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
        <location line="+3"/>
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
        <location line="+86"/>
        <source>适用场景：</source>
        <translation>When to use: </translation>
    </message>
    <message>
        <location line="+78"/>
        <source>快捷编码「%1」已被「%2」使用</source>
        <translation>The shortcut code “%1” is already used by “%2”</translation>
    </message>
</context>
<context>
    <name>PhraseTableModel</name>
    <message>
        <location filename="../../desktop/ui/library/phrase_model.py" line="+25"/>
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
        <location filename="../../desktop/ui/popup.py" line="+75"/>
        <source>快回</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>搜索：汉字 / 拼音 / 首字母 / 编码</source>
        <translation>Search: characters, pinyin, initials or code</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>没有找到匹配的话术</source>
        <translation>No matching phrases</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>这条话术已被删除</source>
        <translation>This phrase has been deleted</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter 发送 · Ctrl+1…9 直接发送 · Tab 填写 · Esc 关闭</source>
        <translation>Enter sends · Ctrl+1…9 sends that row · Tab fills in · Esc closes</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="+16"/>
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
        <location line="+2"/>
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
        <location line="+3"/>
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
        <location line="+37"/>
        <source>这个系统上不支持开机启动</source>
        <translation>Autostart is not supported on this system</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>登录时自动启动快回（%1）</source>
        <translation>Start QuickReply automatically at login (%1)</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../desktop/ui/side_panel.py" line="+81"/>
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
        <location line="+28"/>
        <source>单击粘贴到聊天窗口 · 悬停看全文</source>
        <translation>Click to paste · hover to read</translation>
    </message>
    <message>
        <location line="+126"/>
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
        <location line="+1"/>
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
        <location line="+26"/>
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
        <location filename="../../desktop/ui/library/dialogs.py" line="-104"/>
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
        <location filename="../../desktop/ui/tray.py" line="+26"/>
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
    <name>w</name>
    <message>
        <location filename="../../desktop/ui/library/window_parts.py" line="-120"/>
        <source>编辑说明…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>搜索全部话术：汉字、拼音、首字母或编码（Ctrl+F）</source>
        <translation>Search all phrases: characters, pinyin, initials or code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+118"/>
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
