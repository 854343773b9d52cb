; 快回 QuickReply: Windows installer, built with NSIS (makensis runs on Linux too).
;
;   makensis -DVERSION=0.1.0 -DDIST=dist/QuickReply -DOUTDIR=dist installer/quickreply.nsi
;
; makes OUTDIR/QuickReply-Setup-VERSION.exe from PyInstaller's one-folder build.
; Per user, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\QuickReply, a Start-menu shortcut and an uninstall entry
; under HKCU.  开机启动 is an optional component (off unless ticked; silently:
; /AUTOSTART=1); it writes the same Run value the app's 设置 writes, so either can
; turn it off.  The uninstaller removes the program, the shortcut and that Run value;
; it asks before deleting the library (%LOCALAPPDATA%\QuickReply: phrases, settings,
; backups, logs), and a silent uninstall (/S) always keeps it.

; 64-bit like the program itself (PySide6 ships amd64 only); Unicode for the Chinese UI.
Target amd64-unicode
!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef DIST
  !define DIST "..\dist\QuickReply"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif

!define APP "QuickReply"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"

Name "快回 QuickReply ${VERSION}"
OutFile "${OUTDIR}\QuickReply-Setup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ShowInstDetails nevershow
ShowUninstDetails nevershow
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "QuickReply"
VIAddVersionKey /LANG=0 "FileDescription" "快回 QuickReply 安装程序"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

!define MUI_ICON "${DIST}\_internal\desktop\resources\icons\quickreply.ico"
!define MUI_UNICON "${DIST}\_internal\desktop\resources\icons\quickreply.ico"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\QuickReply.exe"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "快回 QuickReply" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\快回 QuickReply.lnk" "$INSTDIR\QuickReply.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "快回 QuickReply"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "QuickReply"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\QuickReply.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "开机时启动快回" SecAutostart
  WriteRegStr HKCU "${RUN_KEY}" "${APP}" '"$INSTDIR\QuickReply.exe"'
SectionEnd

Function .onInit
  ; Silent installs choose autostart on the command line: /AUTOSTART=1.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/AUTOSTART=" $1
  ${IfNot} ${Errors}
  ${AndIf} $1 == "1"
    SectionSetFlags ${SecAutostart} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\快回 QuickReply.lnk"
  DeleteRegValue HKCU "${RUN_KEY}" "${APP}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  RMDir /r "$INSTDIR"
  ; The library is the agent's work: only on an explicit yes, never in silent mode.
  IfFileExists "$LOCALAPPDATA\${APP}\*.*" 0 done
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
      "也删除话术库、设置和备份吗？$\r$\n$LOCALAPPDATA\${APP}$\r$\n选“否”保留，重新安装后还能继续使用。" \
      /SD IDNO IDNO done
    RMDir /r "$LOCALAPPDATA\${APP}"
  done:
SectionEnd
