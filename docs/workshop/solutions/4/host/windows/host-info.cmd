@echo off
rem Lab 4: the Windows build of host-info. Desktop runs .exe, .cmd, .bat and .ps1 files.
echo host-info on Windows %PROCESSOR_ARCHITECTURE%
