<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../tracker/app.py" line="+69"/>
        <location line="+37"/>
        <source>年度工作台账</source>
        <translation>Annual Plan Tracker</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>无法打开数据文件。</source>
        <translation>Cannot open the data file.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>内部错误：{0}</source>
        <translation>Internal error: {0}</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="+80"/>
        <source>年底前</source>
        <translation>By year end</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../tracker/ui/views/detail_pane.py" line="+32"/>
        <source>选择左侧的事项，查看报告原文、进展填报和变更记录。</source>
        <translation>Select an item on the left to see its text in the report, its check-ins and its change log.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>所属方面：</source>
        <translation>Area: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>序时进度</source>
        <translation>Expected progress</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>事项数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>报告原文</source>
        <translation>Text in the report</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>进展填报（{0}）</source>
        <translation>Check-ins ({0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>还没有进展填报。</source>
        <translation>No check-ins yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下步措施</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>变更记录（{0}）</source>
        <translation>Change log ({0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有变更。</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0}：</source>
        <translation>{0}: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="-15"/>
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <location line="-45"/>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>灰</source>
        <translation>Gray</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>绿灯：进展正常</source>
        <translation>Green: on track</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>黄灯：进度滞后</source>
        <translation>Yellow: lagging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>红灯：严重滞后或逾期</source>
        <translation>Red: seriously behind or overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>蓝灯：已完成</source>
        <translation>Blue: done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>灰灯：未开始</source>
        <translation>Gray: not started</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracker/ui/views/main_window.py" line="+70"/>
        <source>筛选：输入序号、任务内容、领导或科室</source>
        <translation>Filter: number, task text, leader or department</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>导入年度报告…</source>
        <translation>Import Annual Report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>展开全部</source>
        <translation>Expand All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>折叠全部</source>
        <translation>Collapse All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>选择年度</source>
        <translation>Choose the plan year</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>读取计划</source>
        <translation>Reading the plan</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+38"/>
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>总进度 {0}</source>
        <translation>Overall progress {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>序时进度 {0}</source>
        <translation>Expected progress {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按时间推算今天应达到的进度</source>
        <translation>The progress due by today: the share of the time already elapsed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>年度工作台账</source>
        <translation>Annual Plan Tracker</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>读取事项</source>
        <translation>Reading the item</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>年度工作台账 {0}

把年度报告中的工作目标变成台账：分解到责任领导和科室，按月或季度填报进展，红黄绿灯提示滞后事项，导出 Excel 台账上报。

数据文件：{1}</source>
        <translation>Annual Plan Tracker {0}

Turns the goals of the annual report into a ledger: assign them to leaders and departments, record check-ins monthly or quarterly, see lagging items by their red, yellow and green lights, and export the Excel ledger to send upward.

Data file: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关于 年度工作台账</source>
        <translation>About Annual Plan Tracker</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../tracker/ui/models/plan_tree.py" line="+146"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>工作任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>责任领导</source>
        <translation>Responsible leader</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>牵头科室</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>配合科室</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>进度 {0}，序时进度 {1}</source>
        <translation>Progress {0}, expected progress {1}</translation>
    </message>
</context>
<context>
    <name>ReportImport</name>
    <message>
        <location filename="../../tracker/ui/views/report_import.py" line="+30"/>
        <location line="+21"/>
        <location line="+20"/>
        <source>导入年度报告</source>
        <translation>Import Annual Report</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>报告文本 (*.txt);;所有文件 (*)</source>
        <translation>Report text (*.txt);;All files (*)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} 年的计划已存在，未导入。同一年度只能有一个计划。</source>
        <translation>A plan for {0} already exists, so nothing was imported. A year holds only one plan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>从“{0}”读到 {1} 年的计划“{2}”：{3} 个方面，{4} 项工作。是否导入？</source>
        <translation>Read the {1} plan “{2}” from “{0}”: {3} areas, {4} items. Import it?</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../tracker/ui/words.py" line="+7"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已暂停</source>
        <translation>Suspended</translation>
    </message>
</context>
</TS>
