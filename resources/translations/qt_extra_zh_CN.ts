<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that the qtbase_zh_CN catalogue shipped with PySide6 leaves in English
     (the file dialog's labels and file types). Loaded after qtbase_zh_CN by tracker.app. -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
    <message><source>Look in:</source><translation>查找范围：</translation></message>
    <message><source>Files of type:</source><translation>文件类型：</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><comment>All other platforms</comment><translation>文件夹</translation></message>
    <message><source>File Folder</source><comment>Match Windows Explorer</comment><translation>文件夹</translation></message>
    <message><source>Folder</source><comment>Mac OS X Finder</comment><translation>文件夹</translation></message>
    <message><source>File</source><comment>All other platforms</comment><translation>文件</translation></message>
    <message><source>File</source><comment>Match Windows Explorer</comment><translation>文件</translation></message>
    <message><source>%1 File</source><comment>%1 is a file name suffix, for example txt</comment><translation>%1 文件</translation></message>
    <message><source>Drive</source><translation>驱动器</translation></message>
    <message><source>Shortcut</source><comment>All other platforms</comment><translation>快捷方式</translation></message>
    <message><source>Shortcut</source><comment>Mac OS X Finder</comment><translation>快捷方式</translation></message>
    <message><source>Alias</source><comment>Mac OS X Finder</comment><translation>替身</translation></message>
</context>
</TS>
