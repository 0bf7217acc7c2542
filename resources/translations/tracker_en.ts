<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../tracker/app.py" line="+129" />
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
        <location line="+25" />
        <location line="+44" />
        <source>年度工作台账</source>
        <translation>Annual Plan Tracker</translation>
    </message>
    <message>
        <location line="-42" />
        <source>无法打开数据文件。</source>
        <translation>Cannot open the data file.</translation>
    </message>
    <message>
        <location line="+5" />
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
    <name>CarryOverDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/carry_over.py" line="+40" />
        <source>结转未完成事项</source>
        <translation>Carry Over Unfinished Items</translation>
    </message>
    <message>
        <location line="+9" />
        <source>把 {0} 年未完成的事项结转到(&amp;Y)：</source>
        <translation>Carry unfinished items of {0} over into &amp;year:</translation>
    </message>
    <message>
        <location line="+10" />
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
        <location line="+1" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+0" />
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+0" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+11" />
        <source>全选(&amp;A)</source>
        <translation>Select &amp;All</translation>
    </message>
    <message>
        <location line="+1" />
        <source>全不选(&amp;N)</source>
        <translation>Select &amp;None</translation>
    </message>
    <message>
        <location line="+1" />
        <source>结转(&amp;C)</source>
        <translation>&amp;Carry Over</translation>
    </message>
    <message>
        <location line="+1" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{0} 年已有计划：事项加入该计划中同名的方面（没有则新建）。</source>
        <translation>{0} already has a plan: items join its areas of the same name (made where missing).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>将新建 {0} 年计划。</source>
        <translation>A plan for {0} will be created.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>已结转</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location line="+35" />
        <source>{0} 年没有未完成的事项。</source>
        <translation>{0} has no unfinished items.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>请选择另一个年度。</source>
        <translation>Choose another year.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>已选 {0} 项，共 {1} 项未完成（责任领导、科室和责任人随事项结转，完成时限由新年度重新确定）。</source>
        <translation>{0} of {1} unfinished items chosen (leaders, departments and owners go with them; the new year sets its own deadlines).</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../tracker/ui/charts.py" line="+44" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+45" />
        <source>序时进度</source>
        <translation>Expected progress</translation>
    </message>
    <message>
        <location line="-2" />
        <source>总进度</source>
        <translation>Overall progress</translation>
    </message>
    <message>
        <location line="+19" />
        <source>{0}月</source>
        <translation>M{0}</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/checkin.py" line="+52" />
        <source>进展填报</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+0" />
        <source>修改进展填报</source>
        <translation>Correct Check-in</translation>
    </message>
    <message>
        <location line="+23" />
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
        <translation>Progress notes</translation>
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
    <message>
        <location line="+5" />
        <source>您填写的内容仍在对话框中，可以核对后再按“保存”。</source>
        <translation>What you entered is still in the dialog: check it and press Save again.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../tracker/ui/views/dashboard.py" line="+45" />
        <source>单击某一方面的进度条：在台账中只看该方面的事项</source>
        <translation>Click an area's bar to see only that area's items in the ledger</translation>
    </message>
    <message>
        <location line="+16" />
        <source>总进度与序时进度</source>
        <translation>Overall progress against expected progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>各方面进度（单击筛选）</source>
        <translation>Progress per area (click to filter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>各牵头科室（单击筛选）</source>
        <translation>Lead departments (click to filter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>亮灯情况</source>
        <translation>Lights</translation>
    </message>
    <message>
        <location line="+41" />
        <source>{0} 年：总进度 {1}，序时进度 {2}；本期（{3}）尚有 {4} 项未报送。</source>
        <translation>{0}: overall progress {1}, expected {2}; {4} items not yet reported this period ({3}).</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <location filename="../../tracker/ui/views/data_file.py" line="+147" />
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
        <location line="+31" />
        <source>导出台账</source>
        <translation>Export Ledger</translation>
    </message>
    <message>
        <location line="-29" />
        <source>{0}（筛选结果）.xlsx</source>
        <translation>{0} (filtered).xlsx</translation>
    </message>
    <message>
        <location line="+1" />
        <source>导出台账（只含筛选出的事项）</source>
        <translation>Export Ledger (filtered items only)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+40" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="-14" />
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+18" />
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
        <location line="+20" />
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
        <location filename="../../tracker/ui/words.py" line="+89" />
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
    <name>DepartmentStatsModel</name>
    <message>
        <location filename="../../tracker/ui/models/dashboard.py" line="+31" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+1" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>滞后</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location line="+1" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>本期未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location line="+28" />
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>单击：在台账中只看该科室牵头的事项</source>
        <translation>Click to see only this department's items in the ledger</translation>
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
        <location line="+16" />
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
        <translation>Progress notes</translation>
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
    <name>DraftTreeModel</name>
    <message>
        <location filename="../../tracker/ui/preview/model.py" line="+124" />
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
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+0" />
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+28" />
        <source>{0}（{1} 项）</source>
        <translation>{0} ({1} item(s))</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/extension.py" line="+44" />
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
    <message>
        <location line="+7" />
        <source>您填写的内容仍在对话框中，可以核对后再按“延期”。</source>
        <translation>What you entered is still in the dialog: check it and press Extend again.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="-32" />
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
        <location filename="../../tracker/ui/views/filter_bar.py" line="+80" />
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
        <location line="+11" />
        <location line="+78" />
        <source>全部科室</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="-77" />
        <location line="+78" />
        <source>全部领导</source>
        <translation>All leaders</translation>
    </message>
    <message>
        <location line="+15" />
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location line="+38" />
        <source>方面 {0}</source>
        <translation>area {0}</translation>
    </message>
    <message>
        <location line="+2" />
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
        <location filename="../../tracker/ui/jobs.py" line="+118" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+26" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LedgerImport</name>
    <message>
        <location filename="../../tracker/ui/ledger_dialogs.py" line="+46" />
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
    <name>LoginDialog</name>
    <message>
        <location filename="../../tracker/ui/login_dialog.py" line="+19" />
        <source>登录数据库服务器</source>
        <translation>Log in to the database server</translation>
    </message>
    <message>
        <location line="+7" />
        <source>账号(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location line="+3" />
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+4" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>LoginLabel</name>
    <message>
        <location filename="../../tracker/ui/views/login_label.py" line="+18" />
        <source>科室账号（{0}）</source>
        <translation>department login ({0})</translation>
    </message>
    <message>
        <location line="+0" />
        <source>未指定科室</source>
        <translation>no department set</translation>
    </message>
    <message>
        <location line="+1" />
        <source>可为本科室牵头或配合的事项填报进展，其他内容只能查看。</source>
        <translation>May check in on the items its department leads or helps with; everything else is read-only.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>领导账号</source>
        <translation>leader's login</translation>
    </message>
    <message>
        <location line="+1" />
        <source>只能查看。</source>
        <translation>Read-only.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>办公室账号</source>
        <translation>office login</translation>
    </message>
    <message>
        <location line="+1" />
        <source>可编辑计划、分配任务、填报进展。</source>
        <translation>May edit the plan, assign items and check in.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>已登录数据库服务器 {0}
{1}</source>
        <translation>Logged in to the database server {0}
{1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracker/ui/views/main_window.py" line="+204" />
        <source>读取计划</source>
        <translation>Reading the plan</translation>
    </message>
    <message>
        <location line="+113" />
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="-148" />
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location line="+1" />
        <source>总览</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+59" />
        <source>按已关账的期查看（{0}）：只读</source>
        <translation>Viewing closed period {0}: read-only</translation>
    </message>
    <message>
        <location line="+47" />
        <source>数据文件已被其他窗口或命令行修改，已重新读取。</source>
        <translation>The data file was changed by another window or the command line; reloaded.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>年度工作台账</source>
        <translation>Annual Plan Tracker</translation>
    </message>
    <message>
        <location line="+3" />
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location line="+61" />
        <source>读取事项</source>
        <translation>Reading the item</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <location filename="../../tracker/ui/dialogs/node_editor.py" line="+45" />
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
    <message>
        <location line="+52" />
        <source>您填写的内容仍在对话框中，可以核对后再按“保存”。</source>
        <translation>What you entered is still in the dialog: check it and press Save again.</translation>
    </message>
</context>
<context>
    <name>PeriodDesk</name>
    <message>
        <location filename="../../tracker/ui/views/periods.py" line="+48" />
        <source>报送与关账(&amp;M)…</source>
        <translation>Reporting and &amp;Closing…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>报送设置与本单位(&amp;S)…</source>
        <translation>Reporting &amp;Settings and Unit…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>生成月报/季报(&amp;R)…</source>
        <translation>Make Period &amp;Report…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>打印预览(&amp;V)…</source>
        <translation>Print Pre&amp;view…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>报送(&amp;B)</source>
        <translation>&amp;Reporting</translation>
    </message>
    <message>
        <location line="+15" />
        <source>按已关账的期查看：台账显示关账时冻结的数据（只读）</source>
        <translation>View a closed period: the ledger shows the values frozen when it was closed (read-only)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>当前数据</source>
        <translation>Current data</translation>
    </message>
    <message>
        <location line="+8" />
        <source>截至 {0}（已关账）</source>
        <translation>As of {0} (closed)</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+6" />
        <source>修改报送设置</source>
        <translation>Change reporting settings</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+143" />
        <source>未能完成</source>
        <translation>Could Not Complete</translation>
    </message>
    <message>
        <location line="-94" />
        <location line="+6" />
        <source>关账</source>
        <translation>Close Period</translation>
    </message>
    <message>
        <location line="-4" />
        <source>关账 {0}？各事项在期末的进度、状态、亮灯和最近一次填报将被冻结；之后该期内日期的填报须先重新打开（填写理由）。</source>
        <translation>Close {0}? Each item's progress, status, light and latest check-in at the period's end are frozen; a check-in dated inside it then needs the period reopened (with a reason).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>{0}未报送清单.xlsx</source>
        <translation>Not reported {0}.xlsx</translation>
    </message>
    <message>
        <location line="+14" />
        <source>未报送清单</source>
        <translation>Not Reported</translation>
    </message>
    <message>
        <location line="+1" />
        <source>已导出 {0} 项到：
{1}</source>
        <translation>Exported {0} items to:
{1}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>用表格程序打开</source>
        <translation>Open in Spreadsheet</translation>
    </message>
    <message>
        <location line="+5" />
        <source>导出未报送清单</source>
        <translation>Export the Not-Reported List</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+29" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>生成{0}</source>
        <translation>Make {0}</translation>
    </message>
    <message>
        <location line="+15" />
        <source>这是一个文件夹，请给出文件名</source>
        <translation>this is a folder; please give a file name</translation>
    </message>
    <message>
        <location line="+8" />
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>已生成</source>
        <translation>Report Made</translation>
    </message>
    <message>
        <location line="+1" />
        <source>已生成：
{0}</source>
        <translation>Made:
{0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+15" />
        <source>打印预览 — {0}</source>
        <translation>Print Preview — {0}</translation>
    </message>
</context>
<context>
    <name>PeriodSettingsDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/period_settings.py" line="+41" />
        <source>报送设置</source>
        <translation>Reporting Settings</translation>
    </message>
    <message>
        <location line="+3" />
        <source>按月报送（月报）</source>
        <translation>Monthly (monthly report)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>按季度报送（季报）</source>
        <translation>Quarterly (quarterly report)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>已有关账的期：先重新打开才能更改报送周期</source>
        <translation>A period is closed: reopen it before changing the cadence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{0} 年计划</source>
        <translation>{0} plan</translation>
    </message>
    <message>
        <location line="+4" />
        <source>每期最后一个月的 </source>
        <translation>by day </translation>
    </message>
    <message>
        <location line="+1" />
        <source> 日前</source>
        <translation> of the period's last month</translation>
    </message>
    <message>
        <location line="+1" />
        <source>报送截止</source>
        <translation>Reports due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;本单位（导出台账的页脚和通报使用，设置一次即可）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Your unit (for the ledger's footer and the report; set once)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>例如：孝感市科学技术局</source>
        <translation>e.g. Xiaogan Science and Technology Bureau</translation>
    </message>
    <message>
        <location line="+2" />
        <source>留空：导出人的名字</source>
        <translation>Empty: the name of whoever exports</translation>
    </message>
    <message>
        <location line="+3" />
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>填报人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location line="+1" />
        <source>审核人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location line="+1" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+20" />
        <source>您填写的内容仍在对话框中，可以核对后再按“保存”。</source>
        <translation>What you entered is still in the dialog: check it and press Save again.</translation>
    </message>
</context>
<context>
    <name>PeriodsDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/periods.py" line="+62" />
        <source>报送与关账</source>
        <translation>Reporting and Closing</translation>
    </message>
    <message>
        <location line="+16" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>牵头科室</source>
        <translation>Lead department</translation>
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
        <location line="+6" />
        <source>复制催报通知</source>
        <translation>Copy Reminder</translation>
    </message>
    <message>
        <location line="+2" />
        <source>导出未报送清单…</source>
        <translation>Export Not-Reported List…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>关账</source>
        <translation>Close Period</translation>
    </message>
    <message>
        <location line="+3" />
        <source>冻结本期各事项的进度、状态、亮灯和最近一次填报；之后该期内日期的填报须先重新打开</source>
        <translation>Freeze each item's progress, status, light and latest check-in; check-ins dated inside the period then need it reopened</translation>
    </message>
    <message>
        <location line="+4" />
        <source>重新打开的理由（必填）</source>
        <translation>Reason for reopening (required)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>生成月报…</source>
        <translation>Make Report…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+42" />
        <source>已关账（{0}，{1}）；报送截止 {2}</source>
        <translation>Closed ({0}, {1}); reports due {2}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>未关账；报送截止 {0}</source>
        <translation>Open; reports due {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{0} 未报送 {1} 项：</source>
        <translation>{0}: {1} items not reported:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>生成{0}…</source>
        <translation>Make {0}…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>（催报通知已复制，可粘贴到微信或 OA）</source>
        <translation> (reminder copied; paste it into WeChat or the OA system)</translation>
    </message>
</context>
<context>
    <name>PlanEditing</name>
    <message>
        <location filename="../../tracker/ui/views/plan_editing.py" line="+93" />
        <source>未能完成</source>
        <translation>Not Done</translation>
    </message>
    <message>
        <location line="+8" />
        <source>请先在左侧选择一个事项。</source>
        <translation>Select an item on the left first.</translation>
    </message>
    <message>
        <location line="+61" />
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
        <location line="+23" />
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
        <location line="+43" />
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
    <name>PlanFields</name>
    <message>
        <location filename="../../tracker/ui/preview/plan_fields.py" line="+29" />
        <source>未确定</source>
        <translation>Not sure</translation>
    </message>
    <message>
        <location line="+6" />
        <source>年度无误(&amp;C)</source>
        <translation>Year is &amp;correct</translation>
    </message>
    <message>
        <location line="+2" />
        <source>确认推定的年度</source>
        <translation>Confirm the guessed year</translation>
    </message>
    <message>
        <location line="+7" />
        <source>年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>计划名称(&amp;P)：</source>
        <translation>&amp;Plan title:</translation>
    </message>
    <message>
        <location line="+23" />
        <source>报告中没有写明年度</source>
        <translation>the report does not say which year</translation>
    </message>
    <message>
        <location line="+1" />
        <source>年度未能确定：{0}。请在“年度”中选择，或确认推定的年度无误后再导入。</source>
        <translation>The year is not certain: {0}. Choose it under “Year”, or confirm the guessed year, before importing.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} 年已有计划“{1}”：同一年度只能有一个计划。请改成其他年度，或关闭预览后先删除该年度计划（文件 → 删除年度计划）。</source>
        <translation>{0} already has the plan “{1}”: a year holds one plan. Choose another year, or close the preview and delete that plan first (File → Delete Year’s Plan).</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../tracker/ui/models/plan_tree.py" line="+295" />
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
        <translation>Leader</translation>
    </message>
    <message>
        <location line="+0" />
        <source>牵头科室</source>
        <translation>Lead dept.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>配合科室</source>
        <translation>Cooperating</translation>
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
        <location line="+1" />
        <source>各期亮灯</source>
        <translation>By period</translation>
    </message>
    <message>
        <location line="+80" />
        <source>进度 {0}，序时进度 {1}</source>
        <translation>Progress {0}, expected progress {1}</translation>
    </message>
</context>
<context>
    <name>PlanTreeView</name>
    <message>
        <location filename="../../tracker/ui/views/plan_tree_view.py" line="+112" />
        <source>没有符合筛选条件的事项。点“清除筛选”显示全部事项。</source>
        <translation>No item matches the filter. Click “Clear filter” to show all items.</translation>
    </message>
</context>
<context>
    <name>PreviewActions</name>
    <message>
        <location filename="../../tracker/ui/preview/actions.py" line="+49" />
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>重命名(&amp;N)</source>
        <translation>Re&amp;name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>修改所选方面或事项的标题（F2）</source>
        <translation>Change the title of the chosen area or item (F2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>合并(&amp;M)</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>把下一项并入所选事项；选中多项时并入第一项（Ctrl+M）</source>
        <translation>Fold the next item into the chosen one; with several chosen, fold them into the first (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>拆分(&amp;T)…</source>
        <translation>Spli&amp;t…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>把所选事项的具体内容从指定位置拆成两项（Ctrl+T）</source>
        <translation>Cut the chosen item’s details in two at a place you choose (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>升为方面(&amp;A)</source>
        <translation>Make &amp;Area</translation>
    </message>
    <message>
        <location line="+1" />
        <source>所选事项成为一个方面，本方面中它后面的事项归入其下（Alt+←）</source>
        <translation>The chosen item becomes an area; the items after it in its area move under it (Alt+←)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>降为事项(&amp;I)</source>
        <translation>Make &amp;Item</translation>
    </message>
    <message>
        <location line="+1" />
        <source>所选方面成为前一个方面的最后一项（Alt+→）</source>
        <translation>The chosen area becomes the last item of the area before it (Alt+→)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>移出计划(&amp;D)</source>
        <translation>&amp;Drop from Plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>所选事项不导入，列入“未列入计划的段落”（Delete）</source>
        <translation>Leave the chosen items out; they join the skipped passages (Delete)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>列入计划(&amp;L)</source>
        <translation>Inc&amp;lude in Plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>所选段落作为事项列入计划，放在原文中它所在的位置（Ctrl+I）</source>
        <translation>Take the chosen passage into the plan as an item, where it stands in the report (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>列为新方面(&amp;W)</source>
        <translation>Include as Ne&amp;w Area</translation>
    </message>
    <message>
        <location line="+1" />
        <source>所选段落作为新的方面列在计划末尾（Ctrl+Shift+I）</source>
        <translation>Take the chosen passage into the plan as a new last area (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>导入(&amp;S)</source>
        <translation>&amp;Save Plan</translation>
    </message>
</context>
<context>
    <name>PreviewSteps</name>
    <message>
        <location filename="../../tracker/ui/preview/steps.py" line="+69" />
        <source>请先选择要合并的事项。</source>
        <translation>First choose the items to merge.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>已是本方面最后一项，后面没有可合并的事项；可按住 Ctrl 选中几项再合并。</source>
        <translation>This is the last item of its area: nothing follows to merge. Hold Ctrl to choose several items, then merge.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>第一个方面前面没有方面，无法降为事项。</source>
        <translation>The first area has no area before it to become an item of.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>请先选择要移出计划的事项（方面可先降为事项）。</source>
        <translation>First choose the items to drop (an area can be made an item first).</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../tracker/ui/preview/window.py" line="+67" />
        <source>导入预览 — {0}</source>
        <translation>Import Preview — {0}</translation>
    </message>
    <message>
        <location line="+58" />
        <source>原文(&amp;O)：{0}（灰色为未列入计划的段落）</source>
        <translation>Rep&amp;ort: {0} (passages left out in grey)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+76" />
        <source>计划结构(&amp;T)：{0} 个方面，{1} 项工作</source>
        <translation>Plan s&amp;tructure: {0} area(s), {1} item(s)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>未列入计划的段落(&amp;K)：{0} 段</source>
        <translation>S&amp;kipped passages: {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>导入为 {0} 年计划(&amp;S)</source>
        <translation>&amp;Save as the {0} Plan</translation>
    </message>
    <message>
        <location line="+85" />
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location line="+5" />
        <source>修改完成时限</source>
        <translation>Change the deadline</translation>
    </message>
    <message>
        <location line="+3" />
        <source>修改牵头科室</source>
        <translation>Change the lead department</translation>
    </message>
    <message>
        <location line="+3" />
        <source>修改配合科室</source>
        <translation>Change the cooperating departments</translation>
    </message>
    <message>
        <location line="+15" />
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+5" />
        <source>请选择一项要拆分的事项。</source>
        <translation>Choose one item to split.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>这一项只有标题，没有可以拆分的具体内容。</source>
        <translation>This item has a title only, no details to split.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location line="+7" />
        <source>升为方面</source>
        <translation>Make area</translation>
    </message>
    <message>
        <location line="+5" />
        <source>降为事项</source>
        <translation>Make item</translation>
    </message>
    <message>
        <location line="+5" />
        <source>移出计划</source>
        <translation>Drop from plan</translation>
    </message>
    <message>
        <location line="+5" />
        <source>请先在“未列入计划的段落”中选择一段。</source>
        <translation>First choose a passage under “Skipped passages”.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>列为新方面</source>
        <translation>Include as new area</translation>
    </message>
    <message>
        <location line="+0" />
        <source>列入计划</source>
        <translation>Include in plan</translation>
    </message>
    <message>
        <location line="+5" />
        <source>修改年度</source>
        <translation>Change year</translation>
    </message>
    <message>
        <location line="+4" />
        <source>修改计划名称</source>
        <translation>Change plan title</translation>
    </message>
    <message>
        <location line="+11" />
        <source>请先在“年度”中选择计划年度。</source>
        <translation>First choose the plan’s year under “Year”.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>计划中没有事项：请把要导入的段落列入计划。</source>
        <translation>The plan has no items: include the passages to import.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>确认年度</source>
        <translation>Confirm Year</translation>
    </message>
    <message>
        <location line="+0" />
        <source>年度是推定的（{0}）。按 {1} 年导入？</source>
        <translation>The year is a guess ({0}). Import as the plan for {1}?</translation>
    </message>
    <message>
        <location line="+5" />
        <source>导入年度报告</source>
        <translation>Import Annual Report</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{0} 年已有计划“{1}”，未导入。请改成其他年度，或先删除该年度计划（文件 → 删除年度计划）。</source>
        <translation>{0} already has the plan “{1}”; nothing was imported. Choose another year, or delete that plan first (File → Delete Year’s Plan).</translation>
    </message>
    <message>
        <location line="+19" />
        <source>放弃导入</source>
        <translation>Discard Import</translation>
    </message>
    <message>
        <location line="+0" />
        <source>放弃在预览中所做的修改？报告不会导入。</source>
        <translation>Discard the changes made in the preview? The report will not be imported.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location line="+0" />
        <source>继续编辑</source>
        <translation>Keep Editing</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../tracker/ui/backup_dialogs.py" line="+44" />
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
        <location filename="../../tracker/ui/dialogs/settings.py" line="+45" />
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
        <location line="+17" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="-12" />
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <location line="+4" />
        <source>更换数据文件在下次启动时生效；留空使用默认位置。多个科室共用一个数据库时，填写服务器地址：postgresql://登录名@主机/库名（密码放在 pgpass 文件中，见 docs/server.md）。</source>
        <translation>A different data file takes effect at the next start; leave empty for the default location. For a database the departments share, enter the server's address: postgresql://login@host/dbname (the password goes in the pgpass file, see docs/server.md).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>数据文件旁（默认）</source>
        <translation>Beside the data file (default)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+11" />
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
        <location line="+19" />
        <source>当前打开的是演示数据（临时文件）：{0}。上面的设置对演示无影响。</source>
        <translation>Open now: the demo data (a temporary file): {0}. The setting above does not affect the demo.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>当前打开的是环境变量 TRACKER_DB 指定的文件：{0}。上面的设置只在未设置 TRACKER_DB 时启动生效。</source>
        <translation>Open now: the file named by the environment variable TRACKER_DB: {0}. The setting above applies only when the app starts without TRACKER_DB.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>当前打开的是命令行参数 --db 指定的文件：{0}。上面的设置只在不带 --db 启动时生效。</source>
        <translation>Open now: the file given on the command line with --db: {0}. The setting above applies only when the app starts without --db.</translation>
    </message>
    <message>
        <location line="+11" />
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
        <location line="+11" />
        <source>无法保存设置：</source>
        <translation>Could not save the settings: </translation>
    </message>
</context>
<context>
    <name>SkipReason</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="+41" />
        <source>前言/导语</source>
        <translation>preamble</translation>
    </message>
    <message>
        <location line="+1" />
        <source>结尾/保障措施</source>
        <translation>closing</translation>
    </message>
    <message>
        <location line="+1" />
        <source>网页或版面杂项</source>
        <translation>page furniture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>计划部分之外</source>
        <translation>outside the plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>计划部分标题</source>
        <translation>plan part heading</translation>
    </message>
    <message>
        <location line="+1" />
        <source>已从计划中移出</source>
        <translation>dropped</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../tracker/ui/preview/split_dialog.py" line="+44" />
        <source>拆分事项</source>
        <translation>Split Item</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“{0}”的具体内容从光标处拆开，光标之后的文字成为新的一项（光标在最前面时，全部具体内容成为新的一项）。用方向键或鼠标移动光标，按 Enter 拆分。</source>
        <translation>The details of “{0}” are cut at the cursor: the text after it becomes a new item (with the cursor at the start, all the details do). Move the cursor with the arrow keys or the mouse; Enter splits.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>拆分(&amp;S)</source>
        <translation>&amp;Split</translation>
    </message>
    <message>
        <location line="+1" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+32" />
        <source>光标之后没有文字：请把光标放在新的一项开始的位置。</source>
        <translation>No text follows the cursor: put it where the new item begins.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="-39" />
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
    <name>StatusBar</name>
    <message>
        <location filename="../../tracker/ui/views/status_bar.py" line="+46" />
        <source>总进度 {0}</source>
        <translation>Overall progress {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>序时进度 {0}</source>
        <translation>Expected progress {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>按时间推算今天应达到的进度</source>
        <translation>The progress due by today: the share of the time already elapsed</translation>
    </message>
</context>
<context>
    <name>StructureEdits</name>
    <message>
        <location filename="../../tracker/ui/views/structure_edits.py" line="+51" />
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
        <location line="+14" />
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
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../tracker/ui/dialogs/extension.py" line="+20" />
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
        <location filename="../../tracker/ui/views/actions.py" line="+95" />
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
        <location line="-42" />
        <source>导入年度报告(&amp;I)…</source>
        <translation>&amp;Import Annual Report…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>从 Word、PDF 或文本文件读取下一年度的计划，先预览再导入</source>
        <translation>Read next year’s plan from a Word, PDF or text file; preview it before importing</translation>
    </message>
    <message>
        <location line="+1" />
        <source>粘贴报告文本(&amp;V)…</source>
        <translation>Pa&amp;ste Report Text…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>把从网页或文档复制的报告文本作为年度计划导入（先预览）</source>
        <translation>Import report text copied from a web page or a document as a year’s plan (previewed first)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除年度计划(&amp;D)…</source>
        <translation>&amp;Delete Year’s Plan…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除当前年度的计划及其进展记录（先备份，可撤销）</source>
        <translation>Delete the shown year’s plan with its check-ins (backed up first, can be undone)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>结转未完成事项(&amp;C)…</source>
        <translation>&amp;Carry Over Unfinished Items…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>把当前年度未完成的事项结转到下一年度的计划</source>
        <translation>Carry the shown year’s unfinished items into next year’s plan</translation>
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
        <location line="+151" />
        <source>锁定计划（定稿）(&amp;O)…</source>
        <translation>&amp;Lock Plan…</translation>
    </message>
    <message>
        <location line="-150" />
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
        <location line="+28" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+15" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+9" />
        <source>选择年度</source>
        <translation>Choose the plan year</translation>
    </message>
    <message>
        <location line="+34" />
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="+31" />
        <source>解除计划锁定(&amp;O)…</source>
        <translation>Un&amp;lock Plan…</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <location filename="../../tracker/ui/views/window_extras.py" line="+78" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>界面语言将在下次启动时切换。 The language changes at the next start.</source>
        <translation>The language changes at the next start.</translation>
    </message>
    <message>
        <location line="+9" />
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
    <name>YearPlans</name>
    <message>
        <location filename="../../tracker/ui/views/year_plans.py" line="+69" />
        <location line="+18" />
        <source>导入年度报告</source>
        <translation>Import Annual Report</translation>
    </message>
    <message>
        <location line="-17" />
        <source>年度报告 (*.docx *.pdf *.txt)</source>
        <translation>Annual reports (*.docx *.pdf *.txt)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>正在读取“{0}”…</source>
        <translation>Reading “{0}”…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>剪贴板中没有文字。请先在网页或文档中选中报告全文，复制（Ctrl+C）后再粘贴。</source>
        <translation>The clipboard holds no text. Select the whole report in the web page or document, copy it (Ctrl+C), then paste.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>粘贴报告文本</source>
        <translation>Paste Report Text</translation>
    </message>
    <message>
        <location line="+0" />
        <source>正在识别粘贴的文本…</source>
        <translation>Reading the pasted text…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>粘贴的文本</source>
        <translation>pasted text</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+87" />
        <source>年度计划</source>
        <translation>Year’s Plan</translation>
    </message>
    <message>
        <location line="-73" />
        <source>导入 {0} 年计划</source>
        <translation>import the {0} plan</translation>
    </message>
    <message>
        <location line="+3" />
        <source>已导入 {0} 年计划：{1} 个方面，{2} 项工作。撤销（Ctrl+Z）可删除刚导入的计划。</source>
        <translation>Imported the {0} plan: {1} areas, {2} items. Undo (Ctrl+Z) deletes it again.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>将一并删除：{0} 个方面、{1} 项工作、{2} 条进展填报记录、{3} 次延期记录。</source>
        <translation>Deleted with it: {0} areas, {1} items, {2} check-ins, {3} extensions.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>另有 {0} 项已结转到其他年度，它们与本计划的关联将解除。</source>
        <translation> {0} items carried over into other years lose their link to this plan.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除前会先备份数据文件；删除后可以撤销（Ctrl+Z），也可以从备份恢复。</source>
        <translation> The data file is backed up first; the deletion can be undone (Ctrl+Z) or restored from the backup.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除年度计划</source>
        <translation>Delete Year’s Plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除 {0} 年计划“{1}”？</source>
        <translation>Delete the {0} plan “{1}”?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+8" />
        <source>删除 {0} 年计划</source>
        <translation>delete the {0} plan</translation>
    </message>
    <message>
        <location line="+3" />
        <source>已删除 {0} 年计划；删除前的备份：{1}</source>
        <translation>Deleted the {0} plan; backup taken before: {1}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>已删除 {0} 年计划（可撤销）。</source>
        <translation>Deleted the {0} plan (can be undone).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>结转到 {0} 年</source>
        <translation>carry over into {0}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>已将 {0} 项从 {1} 年结转到 {2} 年。</source>
        <translation>Carried {0} items over from {1} into {2}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} 项此前已结转，未重复。</source>
        <translation> {0} carried before, not copied again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} 项已完成，未结转。</source>
        <translation> {0} done, not carried.</translation>
    </message>
</context>
</TS>