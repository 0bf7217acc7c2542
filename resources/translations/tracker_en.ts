<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../tracker/app.py" line="+102" />
        <source>数据文件旁有一个与它不匹配的日志文件（-wal）。</source>
        <translation>Beside the data file lies a journal (-wal) that does not belong to it; move the -wal file away and start again.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>数据文件已损坏。</source>
        <translation>The data file is damaged.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>这不是年度工作台账的数据文件。</source>
        <translation>This is not an Annual Plan Tracker data file.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>数据文件由更新版本的程序创建，请升级程序。</source>
        <translation>The data file was made by a newer version of the program; please upgrade.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>数据文件或其文件夹不可写。</source>
        <translation>The data file or its folder cannot be written.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>磁盘已满。</source>
        <translation>The disk is full.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>数据文件正被其他程序使用。</source>
        <translation>The data file is in use by another program.</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+43" />
        <source>年度工作台账</source>
        <translation>Annual Plan Tracker</translation>
    </message>
    <message>
        <location line="-41" />
        <source>无法打开数据文件。</source>
        <translation>Cannot open the data file.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>从备份恢复…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <location line="+38" />
        <source>内部错误：{0}</source>
        <translation>Internal error: {0}</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/checkin.py" line="+49" />
        <source>进展填报</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+0" />
        <source>修改进展填报</source>
        <translation>Correct Check-in</translation>
    </message>
    <message>
        <location line="+20" />
        <source>上次填报：{0}，进度 {1}</source>
        <translation>Last check-in: {0}, progress {1}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>填报日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+1" />
        <source>下步措施</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location line="+1" />
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+37" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="-36" />
        <source>保存（Ctrl+Enter）</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>没有要保存的内容：进度与上次相同，也没有填写进展情况、存在问题或下步措施。</source>
        <translation>Nothing to save: the progress is the same as last time and no progress, problems or next steps are written.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>进度将从 {0} 降到 {1}，事项可能因此亮红灯。确认无误请再按“仍然保存”。</source>
        <translation>Progress will go down from {0} to {1}, which may turn the item red. If that is right, press “Save Anyway”.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>仍然保存</source>
        <translation>Save Anyway</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <location filename="../../tracker/ui/views/data_file.py" line="+112" />
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+0" />
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>已从备份恢复。恢复前的数据已另存为备份。</source>
        <translation>Restored from the backup. The data as it was before has been kept as a backup.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>{0}年度工作台账.xlsx</source>
        <translation>Annual plan ledger {0}.xlsx</translation>
    </message>
    <message>
        <location line="+0" />
        <source>工作台账.xlsx</source>
        <translation>Plan ledger.xlsx</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+14" />
        <source>导出台账</source>
        <translation>Export Ledger</translation>
    </message>
    <message>
        <location line="-13" />
        <location line="+27" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="-14" />
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>无法导出台账</source>
        <translation>Cannot Export the Ledger</translation>
    </message>
    <message>
        <location line="+5" />
        <source>已导出 {0} 项到：
{1}</source>
        <translation>Exported {0} items to:
{1}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location line="+1" />
        <source>台账已导出</source>
        <translation>Ledger Exported</translation>
    </message>
    <message>
        <location line="+0" />
        <source>用表格程序打开</source>
        <translation>Open in Spreadsheet</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+18" />
        <source>导入台账</source>
        <translation>Import Ledger</translation>
    </message>
    <message>
        <location line="+0" />
        <source>正在读取台账…</source>
        <translation>Reading the ledger…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>无法导入台账</source>
        <translation>Cannot Import the Ledger</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../tracker/ui/dialogs/date_field.py" line="+40" />
        <source>YYYY-MM-DD，也可写 9月30日、6月底</source>
        <translation>YYYY-MM-DD, or 9月30日, 6月底</translation>
    </message>
    <message>
        <location line="+5" />
        <source>从日历中选择（Alt+↓）</source>
        <translation>Pick from a calendar (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="+76" />
        <source>年底前</source>
        <translation>By year end</translation>
    </message>
</context>
<context>
    <name>DepartmentPicker</name>
    <message>
        <location filename="../../tracker/ui/dialogs/node_editor.py" line="+51" />
        <source>其他科室（多个用、分隔）</source>
        <translation>Other departments (separate several with commas)</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/departments.py" line="+54" />
        <location line="+212" />
        <source>科室和人员</source>
        <translation>Departments and People</translation>
    </message>
    <message>
        <location line="-209" />
        <location line="+15" />
        <location line="+9" />
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="-24" />
        <source>牵头事项</source>
        <translation>Items led</translation>
    </message>
    <message>
        <location line="+0" />
        <source>配合事项</source>
        <translation>Items cooperated on</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+24" />
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="-22" />
        <location line="+14" />
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="-13" />
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>合并到…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+13" />
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="-12" />
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location line="+2" />
        <source>按本单位习惯排列科室；各处的科室列表都按此顺序</source>
        <translation>Arrange the departments in your bureau's own order; every department list follows it</translation>
    </message>
    <message>
        <location line="+5" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+3" />
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+59" />
        <location line="+212" />
        <source>（未分科室）</source>
        <translation>(no department)</translation>
    </message>
    <message>
        <location line="-157" />
        <source>调整科室“{0}”的顺序</source>
        <translation>Move department “{0}”</translation>
    </message>
    <message>
        <location line="+3" />
        <source>添加科室“{0}”</source>
        <translation>Add department “{0}”</translation>
    </message>
    <message>
        <location line="+4" />
        <source>重命名科室“{0}”为“{1}”</source>
        <translation>Rename department “{0}” to “{1}”</translation>
    </message>
    <message>
        <location line="+5" />
        <source>把科室“{0}”并入“{1}”</source>
        <translation>Merge department “{0}” into “{1}”</translation>
    </message>
    <message>
        <location line="+6" />
        <source>删除科室“{0}”</source>
        <translation>Delete department “{0}”</translation>
    </message>
    <message>
        <location line="+4" />
        <source>添加人员“{0}”</source>
        <translation>Add person “{0}”</translation>
    </message>
    <message>
        <location line="+4" />
        <source>修改人员“{0}”</source>
        <translation>Edit person “{0}”</translation>
    </message>
    <message>
        <location line="+5" />
        <source>删除人员“{0}”</source>
        <translation>Delete person “{0}”</translation>
    </message>
    <message>
        <location line="+52" />
        <source>添加科室</source>
        <translation>Add Department</translation>
    </message>
    <message>
        <location line="+0" />
        <source>科室名称：</source>
        <translation>Department name:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>重命名科室</source>
        <translation>Rename Department</translation>
    </message>
    <message>
        <location line="+0" />
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{0} 项牵头、{1} 项配合工作和 {2} 名人员</source>
        <translation>{0} items led, {1} items cooperated on and {2} people</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+9" />
        <source>合并科室</source>
        <translation>Merge Departments</translation>
    </message>
    <message>
        <location line="-9" />
        <source>把“{0}”的{1}并入另一个科室，然后删除“{0}”。</source>
        <translation>Move the {1} of “{0}” to another department, then delete “{0}”.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>并入：</source>
        <translation>Merge into:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>确定把“{0}”并入“{1}”吗？“{0}”的{2}都将转给“{1}”，“{0}”随后删除。</source>
        <translation>Merge “{0}” into “{1}”? All {2} of “{0}” go to “{1}”, then “{0}” is deleted.</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+4" />
        <location line="+10" />
        <source>删除科室</source>
        <translation>Delete Department</translation>
    </message>
    <message>
        <location line="-14" />
        <source>确定删除科室“{0}”吗？</source>
        <translation>Delete department “{0}”?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“{0}”还有{1}。删除前请选择把它们转给哪个科室。</source>
        <translation>“{0}” still has {1}. Choose the department to hand them to before deleting it.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>不转交（清空这些事项的科室）</source>
        <translation>Hand to nobody (clear these items’ department)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>转给：</source>
        <translation>Hand to:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>清空</source>
        <translation>be cleared</translation>
    </message>
    <message>
        <location line="+0" />
        <source>转给“{0}”</source>
        <translation>go to “{0}”</translation>
    </message>
    <message>
        <location line="+1" />
        <source>确定删除科室“{0}”吗？它的{1}将{2}。</source>
        <translation>Delete department “{0}”? Its {1} will {2}.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>科室：</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>职务：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location line="+14" />
        <source>添加人员</source>
        <translation>Add Person</translation>
    </message>
    <message>
        <location line="+4" />
        <source>修改人员</source>
        <translation>Edit Person</translation>
    </message>
    <message>
        <location line="+6" />
        <source>删除人员</source>
        <translation>Delete Person</translation>
    </message>
    <message>
        <location line="+0" />
        <source>确定删除人员“{0}”吗？</source>
        <translation>Delete person “{0}”?</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../tracker/ui/views/detail_pane.py" line="+60" />
        <source>选择左侧的事项，查看报告原文、进展填报和变更记录。</source>
        <translation>Select an item on the left to see its text in the report, its check-ins and its change log.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>所属方面：</source>
        <translation>Area: </translation>
    </message>
    <message>
        <location line="+7" />
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+1" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+1" />
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+5" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+4" />
        <source>序时进度</source>
        <translation>Expected progress</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+3" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1" />
        <source>事项数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+2" />
        <source>编辑（F2）</source>
        <translation>Edit (F2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>填报进展（Ctrl+Enter）</source>
        <translation>Check in (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+3" />
        <source>报告原文</source>
        <translation>Text in the report</translation>
    </message>
    <message>
        <location line="+11" />
        <source>进展填报（{0}）</source>
        <translation>Check-ins ({0})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>还没有进展填报。</source>
        <translation>No check-ins yet.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+4" />
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+0" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+1" />
        <source>下步措施</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location line="+13" />
        <source>（原定 {0}，已延期）</source>
        <translation>(approved {0}, extended)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>延期记录（{0}）</source>
        <translation>Extensions ({0})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+11" />
        <source>变更记录（{0}）</source>
        <translation>Change log ({0})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>没有变更。</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>{0}：</source>
        <translation>{0}: </translation>
    </message>
    <message>
        <location line="+4" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/extension.py" line="+41" />
        <location line="+19" />
        <source>延期</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location line="-14" />
        <source>原定完成时限</source>
        <translation>Approved deadline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>当前完成时限</source>
        <translation>Current deadline</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} → {1}：{2}</source>
        <translation>{0} → {1}: {2}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>延期 {0}</source>
        <translation>Extend {0}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>为什么需要延期（必填）</source>
        <translation>Why the extension is needed (required)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>新的完成时限</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>延期理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+17" />
        <source>请填写新的完成时限。</source>
        <translation>Please enter the new deadline.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>请填写延期理由。</source>
        <translation>Please give a reason for the extension.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="-19" />
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+1" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+1" />
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1" />
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1" />
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+1" />
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../tracker/ui/views/filter_bar.py" line="+59" />
        <source>搜索：任务、具体内容、进展填报中的文字</source>
        <translation>Search tasks, details and check-in notes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>多个词用空格隔开，事项须包含每个词（Ctrl+F）</source>
        <translation>Separate words with spaces; an item must contain every word (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+1" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1" />
        <source>全部亮灯</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location line="+6" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+4" />
        <source>含配合</source>
        <translation>Also cooperating</translation>
    </message>
    <message>
        <location line="+2" />
        <source>所选科室牵头或配合的事项都显示（科室负责人看本科室的全部工作）</source>
        <translation>Show items the chosen department leads or cooperates on (a section chief's whole work)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>已过完成时限仍未完成的事项</source>
        <translation>Items past their deadline and not done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>本月到期</source>
        <translation>Due this month</translation>
    </message>
    <message>
        <location line="+2" />
        <source>完成时限在本月的事项</source>
        <translation>Items due this month</translation>
    </message>
    <message>
        <location line="+3" />
        <source>清除筛选</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>显示全部事项</source>
        <translation>Show all items</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+30" />
        <source>全部科室</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="-29" />
        <location line="+30" />
        <source>全部领导</source>
        <translation>All leaders</translation>
    </message>
    <message>
        <location line="+22" />
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location line="+37" />
        <source>含“{0}”</source>
        <translation>containing “{0}”</translation>
    </message>
    <message>
        <location line="+11" />
        <source>筛选：{0}</source>
        <translation>Filter: {0}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../tracker/ui/help.py" line="+99" />
        <source>用户指南</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <location line="+10" />
        <source>找不到用户指南：</source>
        <translation>The user guide was not found: </translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../tracker/ui/jobs.py" line="+86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+22" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LedgerImport</name>
    <message>
        <location filename="../../tracker/ui/ledger_dialogs.py" line="+45" />
        <source>导入台账（{0} 项）</source>
        <translation>Import ledger ({0} changes)</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <location line="+43" />
        <source>导入台账：{0}</source>
        <translation>Import Ledger: {0}</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+27" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-27" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1" />
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0" />
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location line="+0" />
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location line="+9" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>全选</source>
        <translation>Select All</translation>
    </message>
    <message>
        <location line="+1" />
        <source>全不选</source>
        <translation>Select None</translation>
    </message>
    <message>
        <location line="+20" />
        <source>台账与数据文件一致，没有需要导入的修改。</source>
        <translation>The ledger matches the data file; there is nothing to import.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>导入所选（{0} 处）</source>
        <translation>Import Selected ({0})</translation>
    </message>
    <message>
        <location line="+8" />
        <source>无法导入台账</source>
        <translation>Cannot Import the Ledger</translation>
    </message>
    <message>
        <location line="+4" />
        <source>导入台账</source>
        <translation>Import Ledger</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="-49" />
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <location line="+1" />
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location line="+1" />
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+1" />
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>灰</source>
        <translation>Gray</translation>
    </message>
    <message>
        <location line="+8" />
        <source>绿灯：进展正常</source>
        <translation>Green: on track</translation>
    </message>
    <message>
        <location line="+1" />
        <source>黄灯：进度滞后</source>
        <translation>Yellow: lagging</translation>
    </message>
    <message>
        <location line="+1" />
        <source>红灯：严重滞后或逾期</source>
        <translation>Red: seriously behind or overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>蓝灯：已完成</source>
        <translation>Blue: done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>灰灯：未开始</source>
        <translation>Gray: not started</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracker/ui/views/main_window.py" line="+205" />
        <source>读取计划</source>
        <translation>Reading the plan</translation>
    </message>
    <message>
        <location line="+92" />
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="-18" />
        <source>总进度 {0}</source>
        <translation>Overall progress {0}</translation>
    </message>
    <message>
        <location line="-33" />
        <source>数据文件已被其他窗口或命令行修改，已重新读取。</source>
        <translation>The data file was changed by another window or the command line; reloaded.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>序时进度 {0}</source>
        <translation>Expected progress {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>按时间推算今天应达到的进度</source>
        <translation>The progress due by today: the share of the time already elapsed</translation>
    </message>
    <message>
        <location line="+14" />
        <source>年度工作台账</source>
        <translation>Annual Plan Tracker</translation>
    </message>
    <message>
        <location line="+3" />
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location line="+96" />
        <source>读取事项</source>
        <translation>Reading the item</translation>
    </message>
    <message>
        <location line="+33" />
        <source>年度工作台账 {0}

把年度报告中的工作目标变成台账：分解到责任领导和科室，按月或季度填报进展，红黄绿灯提示滞后事项，导出 Excel 台账上报。

数据文件：{1}</source>
        <translation>Annual Plan Tracker {0}

Turns the goals of the annual report into a ledger: assign them to leaders and departments, record check-ins monthly or quarterly, see lagging items by their red, yellow and green lights, and export the Excel ledger to send upward.

Data file: {1}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>关于 年度工作台账</source>
        <translation>About Annual Plan Tracker</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <location filename="../../tracker/ui/dialogs/node_editor.py" line="+43" />
        <source>编辑 {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>留空为年初；如 2018-03-01、3月1日</source>
        <translation>Empty: start of the year; e.g. 2018-03-01, 3月1日</translation>
    </message>
    <message>
        <location line="+2" />
        <source>留空为年底前；如 2018-06-30、6月底</source>
        <translation>Empty: by year end; e.g. 2018-06-30, 6月底</translation>
    </message>
    <message>
        <location line="+11" />
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1" />
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2" />
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+1" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+1" />
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1" />
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+2" />
        <source>完成时限（原定 {0}）</source>
        <translation>Deadline (approved {0})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+2" />
        <source>计划已锁定：修改完成时限属于延期，保存时需填写延期理由。</source>
        <translation>The plan is locked: a new deadline is an extension and needs a reason when you save.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PlanEditing</name>
    <message>
        <location filename="../../tracker/ui/views/plan_editing.py" line="+83" />
        <source>未能完成</source>
        <translation>Not Done</translation>
    </message>
    <message>
        <location line="+7" />
        <source>请先在左侧选择一个事项。</source>
        <translation>Select an item on the left first.</translation>
    </message>
    <message>
        <location line="+72" />
        <location line="+16" />
        <source>延期 {0}</source>
        <translation>Extend {0}</translation>
    </message>
    <message>
        <location line="-15" />
        <source>修改 {0} 的{1}</source>
        <translation>Change {1} of {0}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>延期</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location line="+1" />
        <source>计划尚未锁定，直接编辑完成时限即可（F2）。</source>
        <translation>The plan is not locked yet: just edit the deadline (F2).</translation>
    </message>
    <message>
        <location line="+26" />
        <source>新增方面</source>
        <translation>Add Area</translation>
    </message>
    <message>
        <location line="+14" />
        <source>在 {0} 中新增事项</source>
        <translation>Add an item to {0}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>新增子项</source>
        <translation>Add Sub-item</translation>
    </message>
    <message>
        <location line="+1" />
        <source>子项要加在某个事项之下：请先选择一个事项（或用“新增事项”）。</source>
        <translation>A sub-item goes under an item: select an item first (or use “Add Item”).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>在 {0} 下新增子项</source>
        <translation>Add a sub-item under {0}</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+11" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="-9" />
        <source>删除“{0} {1}”？</source>
        <translation>Delete “{0} {1}”?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>连同其下 {0} 个下级事项</source>
        <translation>{0} items under it</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} 条进展填报</source>
        <translation>{0} check-ins</translation>
    </message>
    <message>
        <location line="+2" />
        <source>将一并删除：{0}。</source>
        <translation>This also deletes: {0}.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除后可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>删除 {0} {1}</source>
        <translation>Delete {0} {1}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>移动 {0}</source>
        <translation>Move {0}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location line="+6" />
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location line="+8" />
        <source>升级</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location line="+8" />
        <source>降级</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location line="+9" />
        <source>进展填报</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>“{0} {1}”的进度由下级事项汇总，请选择下级事项填报。</source>
        <translation>The progress of “{0} {1}” is rolled up from its sub-items; choose a sub-item to check in.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>填报 {0} 的进展</source>
        <translation>Check in on {0}</translation>
    </message>
    <message>
        <location line="+15" />
        <source>修改 {0} 的进展填报</source>
        <translation>Correct a check-in of {0}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>删除进展填报</source>
        <translation>Delete Check-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除“{0}”{1} 的进展填报（{2}）？</source>
        <translation>Delete the check-in of “{0}” dated {1} ({2})?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>删除 {0} 的进展填报</source>
        <translation>Delete a check-in of {0}</translation>
    </message>
    <message>
        <location line="+28" />
        <source>锁定 {0} 年计划（定稿）？锁定后各事项的完成时限成为原定时限，再修改完成时限即为延期，需要填写理由。</source>
        <translation>Lock the {0} plan as approved? Each item’s deadline becomes its approved deadline; moving one afterwards is an extension and needs a reason.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>锁定计划</source>
        <translation>Lock the plan</translation>
    </message>
    <message>
        <location line="+3" />
        <source>解除 {0} 年计划的锁定？原定完成时限将被清除（已记录的延期保留）。</source>
        <translation>Unlock the {0} plan? The approved deadlines are cleared (recorded extensions stay).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>解除锁定</source>
        <translation>Unlock the plan</translation>
    </message>
    <message>
        <location line="+20" />
        <source>修改亮灯标准</source>
        <translation>Change light thresholds</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../tracker/ui/models/plan_tree.py" line="+228" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+0" />
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+0" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+0" />
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+0" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+0" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+68" />
        <source>进度 {0}，序时进度 {1}</source>
        <translation>Progress {0}, expected progress {1}</translation>
    </message>
</context>
<context>
    <name>ReportImport</name>
    <message>
        <location filename="../../tracker/ui/views/report_import.py" line="+39" />
        <location line="+12" />
        <location line="+8" />
        <location line="+14" />
        <source>导入年度报告</source>
        <translation>Import Annual Report</translation>
    </message>
    <message>
        <location line="-33" />
        <source>报告文本 (*.txt)</source>
        <translation>Report text (*.txt)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>正在读取报告…</source>
        <translation>Reading the report…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{0} 年的计划已存在，未导入。同一年度只能有一个计划。</source>
        <translation>A plan for {0} already exists, so nothing was imported. A year holds only one plan.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>从“{0}”读到 {1} 年的计划“{2}”：{3} 个方面，{4} 项工作。是否导入？</source>
        <translation>Read the {1} plan “{2}” from “{0}”: {3} areas, {4} items. Import it?</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../tracker/ui/backup_dialogs.py" line="+43" />
        <location line="+72" />
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <location line="-69" />
        <source>选择一个备份来恢复。恢复前，当前文件会先保存为一个备份，不会丢失。</source>
        <translation>Choose a backup to restore. The current file is kept as a backup first, so nothing is lost.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>备份时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0" />
        <source>工作事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+0" />
        <source>进展填报</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+14" />
        <source>恢复所选备份…</source>
        <translation>Restore Selected Backup…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>升级前（版本 {0}）</source>
        <translation>Before upgrade (version {0})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>每日自动</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location line="+0" />
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+1" />
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location line="+0" />
        <source>外部文件</source>
        <translation>Outside file</translation>
    </message>
    <message>
        <location line="+9" />
        <source>无法读取</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location line="+11" />
        <source>这个数据文件还没有备份。</source>
        <translation>This data file has no backups yet.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>用 {0} 的备份（{1} 项工作，{2} 条进展填报）替换当前数据？当前数据会先保存为一个备份。</source>
        <translation>Replace the current data with the backup of {0} ({1} items, {2} check-ins)? The current data is kept as a backup first.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/settings.py" line="+44" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+12" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+10" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="-5" />
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location line="+1" />
        <source>更换数据文件在下次启动时生效；留空使用默认位置。</source>
        <translation>A different data file takes effect at the next start; leave empty for the default location.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>数据文件旁（默认）</source>
        <translation>Beside the data file (default)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+7" />
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location line="+7" />
        <source>绿灯：滞后不超过</source>
        <translation>Green: lag at most</translation>
    </message>
    <message>
        <location line="+1" />
        <source>黄灯：滞后不超过</source>
        <translation>Yellow: lag at most</translation>
    </message>
    <message>
        <location line="+4" />
        <source>我的名字（记入修改记录）</source>
        <translation>My name (written in the change log)</translation>
    </message>
    <message>
        <location line="+16" />
        <source> 个百分点</source>
        <translation> points</translation>
    </message>
    <message>
        <location line="+5" />
        <source>选择数据文件</source>
        <translation>Choose Data File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>台账数据文件 (*.db);;所有文件 (*)</source>
        <translation>Tracker data files (*.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>选择备份文件夹</source>
        <translation>Choose the Backup Folder</translation>
    </message>
    <message>
        <location line="+9" />
        <source>绿灯阈值不能大于黄灯阈值。</source>
        <translation>The green threshold cannot be above the yellow threshold.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>备份文件夹不存在：</source>
        <translation>The backup folder does not exist: </translation>
    </message>
    <message>
        <location line="+7" />
        <source>无法保存设置：</source>
        <translation>Could not save the settings: </translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="+7" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location line="+1" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>已暂停</source>
        <translation>Suspended</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/extension.py" line="+17" />
        <source>亮灯标准</source>
        <translation>Light Thresholds</translation>
    </message>
    <message>
        <location line="+1" />
        <source>按滞后的百分点（序时进度 − 进度）亮灯：不超过绿灯上限为绿灯，不超过黄灯上限为黄灯，更多或逾期未完成为红灯。</source>
        <translation>Lights follow the lag in points (expected progress − progress): up to the green limit is green, up to the yellow limit yellow, more (or overdue and not done) red.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>绿灯上限</source>
        <translation>Green up to</translation>
    </message>
    <message>
        <location line="+1" />
        <source>黄灯上限</source>
        <translation>Yellow up to</translation>
    </message>
    <message>
        <location line="+13" />
        <source> 个百分点</source>
        <translation> points</translation>
    </message>
    <message>
        <location line="+7" />
        <source>绿灯上限不能大于黄灯上限。</source>
        <translation>The green limit cannot be above the yellow limit.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../tracker/ui/views/welcome.py" line="+24" />
        <source>欢迎使用年度工作台账：三步管好全年目标</source>
        <translation>Welcome to the Annual Plan Tracker: the whole year in three steps</translation>
    </message>
    <message>
        <location line="+4" />
        <source>① 分解任务：选中事项，填写责任领导、牵头科室、配合科室和完成时限（F2）。</source>
        <translation>① Assign: select an item and fill in the responsible leader, lead and cooperating departments and the deadline (F2).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>② 填报进展：各科室按月或按季填报进度、存在问题和下步措施（Ctrl+Enter）。</source>
        <translation>② Check in: each department reports progress, problems and next steps monthly or quarterly (Ctrl+Enter).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>③ 导出台账：一键导出带红黄绿灯的 Excel 台账，报送上级（Ctrl+E）。</source>
        <translation>③ Export the ledger: one click gives the Excel ledger with its lights, ready to send upward (Ctrl+E).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>看看演示数据</source>
        <translation>Try the demo data</translation>
    </message>
    <message>
        <location line="+1" />
        <source>用户指南</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <location line="+1" />
        <source>知道了，不再显示</source>
        <translation>Got it, don’t show again</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../tracker/ui/views/actions.py" line="+82" />
        <source>导出 Excel 台账；有筛选时只导出筛选出的事项</source>
        <translation>Export the Excel ledger; with a filter on, only the items shown</translation>
    </message>
    <message>
        <location line="+12" />
        <source>编辑所选事项（F2）</source>
        <translation>Edit the selected item (F2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>为所选事项填报进展（Ctrl+Enter）</source>
        <translation>Check in on the selected item (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>在所选方面之后新增一个工作方面</source>
        <translation>Add an area after the selected one</translation>
    </message>
    <message>
        <location line="+2" />
        <source>在所选方面中新增一项工作（Ctrl+N）</source>
        <translation>Add an item to the selected area (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>在所选事项下新增子事项（Ctrl+Shift+N）</source>
        <translation>Add a sub-item under the selected item (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>删除所选事项及其下级（Delete）</source>
        <translation>Delete the selected item and everything under it (Delete)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>上移（Alt+↑）</source>
        <translation>Move up (Alt+↑)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>下移（Alt+↓）</source>
        <translation>Move down (Alt+↓)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>升一级：成为上级事项之后的同级（Alt+←）</source>
        <translation>Up one level: placed after its parent, at the parent’s level (Alt+←)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>降一级：成为前一项的下级（Alt+→）</source>
        <translation>Down one level: becomes the last sub-item of the item above (Alt+→)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>计划锁定后修改完成时限</source>
        <translation>Move a deadline after the plan is locked</translation>
    </message>
    <message>
        <location line="+4" />
        <source>科室和人员名单：添加、改名、合并、删除</source>
        <translation>The department and people lists: add, rename, merge, delete</translation>
    </message>
    <message>
        <location line="-35" />
        <source>导入年度报告(&amp;I)…</source>
        <translation>&amp;Import Annual Report…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>导出台账(&amp;E)…</source>
        <translation>&amp;Export Ledger…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>导入台账(&amp;L)…</source>
        <translation>Import &amp;Ledger…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>恢复备份(&amp;R)…</source>
        <translation>&amp;Restore Backup…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+3" />
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>编辑(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>进展填报(&amp;P)…</source>
        <translation>&amp;Check In…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>新增方面(&amp;A)</source>
        <translation>Add &amp;Area</translation>
    </message>
    <message>
        <location line="+2" />
        <source>新增事项(&amp;N)</source>
        <translation>&amp;New Item</translation>
    </message>
    <message>
        <location line="+2" />
        <source>新增子项(&amp;B)</source>
        <translation>Add Su&amp;b-item</translation>
    </message>
    <message>
        <location line="+2" />
        <source>删除(&amp;D)…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>上移(&amp;K)</source>
        <translation>Move U&amp;p</translation>
    </message>
    <message>
        <location line="+1" />
        <source>下移(&amp;J)</source>
        <translation>Move Do&amp;wn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>升级(&amp;H)</source>
        <translation>&amp;Outdent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>降级(&amp;G)</source>
        <translation>&amp;Indent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>延期(&amp;Y)…</source>
        <translation>E&amp;xtend Deadline…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+132" />
        <source>锁定计划（定稿）(&amp;O)…</source>
        <translation>&amp;Lock Plan…</translation>
    </message>
    <message>
        <location line="-131" />
        <source>亮灯标准(&amp;T)…</source>
        <translation>Light &amp;Thresholds…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>科室和人员(&amp;M)…</source>
        <translation>Depart&amp;ments and People…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+2" />
        <source>展开全部(&amp;X)</source>
        <translation>E&amp;xpand All</translation>
    </message>
    <message>
        <location line="+1" />
        <source>折叠全部(&amp;C)</source>
        <translation>&amp;Collapse All</translation>
    </message>
    <message>
        <location line="+1" />
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <location line="+1" />
        <source>打开演示数据(&amp;D)</source>
        <translation>Open &amp;Demo Data</translation>
    </message>
    <message>
        <location line="+1" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+2" />
        <source>菜单栏</source>
        <translation>Menu Bar</translation>
    </message>
    <message>
        <location line="+27" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+3" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+5" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+2" />
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+10" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+13" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+16" />
        <source>选择年度</source>
        <translation>Choose the plan year</translation>
    </message>
    <message>
        <location line="+22" />
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="+21" />
        <source>解除计划锁定(&amp;O)…</source>
        <translation>Un&amp;lock Plan…</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <location filename="../../tracker/ui/views/window_extras.py" line="+77" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>界面语言将在下次启动时切换。 The language changes at the next start.</source>
        <translation>The language changes at the next start.</translation>
    </message>
</context>
</TS>