import type { DefaultTeamKey } from '../people/default-teams'
import type { Category, Level, TicketKind } from '../ticket/model'
import type { teamKinds } from '../people/model'

/**
 * What demo calls look like. Each template is a call an agent would really take, written the way
 * requesters write them, with slots ({floor}, {app}, …) filled per ticket so titles vary.
 */
export type DemoLang = 'zh' | 'en'

export interface CallTemplate {
  lang: DemoLang
  kind: TicketKind
  category: Category
  subcategory: string
  title: string
  description: string
  /** Typical impact and urgency (1 high … 3 low); the generator moves them by one now and then. */
  impact: Level
  urgency: Level
  /** What the agent wrote when resolving it. */
  resolution: string
}

const zh = (
  kind: TicketKind,
  category: Category,
  subcategory: string,
  impact: Level,
  urgency: Level,
  title: string,
  description: string,
  resolution: string
): CallTemplate => ({ lang: 'zh', kind, category, subcategory, impact, urgency, title, description, resolution })

const en = (
  kind: TicketKind,
  category: Category,
  subcategory: string,
  impact: Level,
  urgency: Level,
  title: string,
  description: string,
  resolution: string
): CallTemplate => ({ lang: 'en', kind, category, subcategory, impact, urgency, title, description, resolution })

export const callTemplates: readonly CallTemplate[] = [
  // ---------- 中文 ----------
  zh(
    'incident',
    'network',
    'vpn',
    2,
    2,
    'VPN 连接频繁断开',
    '在家办公使用 VPN 客户端，每隔十几分钟就自动断开，需要重新输入验证码。家里宽带测速正常，其他同事好像也有类似情况。',
    '客户端升级到最新版本并调整保活参数后恢复稳定。'
  ),
  zh(
    'incident',
    'network',
    'vpn',
    2,
    1,
    'VPN 无法登录，提示证书过期',
    '早上登录 VPN 时提示“证书已过期”，无法连接公司内网，今天上午有客户演示急需访问{app}。',
    '重新签发用户证书并指导用户导入。'
  ),
  zh(
    'incident',
    'hardware',
    'printer',
    3,
    2,
    '{floor}打印机卡纸',
    '{floor}靠窗那台打印机一直提示卡纸，打开纸盒检查没有看到纸，打印任务全部排队中。',
    '清理定影单元残纸，更换搓纸轮。'
  ),
  zh(
    'incident',
    'hardware',
    'printer',
    3,
    3,
    '打印机打印出来有黑色条纹',
    '{floor}彩色打印机最近打印的文件右侧都有一条黑色竖纹，影响对外合同的打印质量。',
    '更换硒鼓后打印正常。'
  ),
  zh(
    'request',
    'hardware',
    'printer',
    3,
    3,
    '申请添加网络打印机',
    '新调到{dept}，电脑上找不到{floor}的打印机，麻烦帮忙添加并设置为默认打印机。',
    '已远程添加打印机并打印测试页。'
  ),
  zh(
    'incident',
    'account',
    'password_reset',
    3,
    2,
    '忘记域账号密码，无法登录电脑',
    '休假回来忘记了密码，连续输错几次，现在电脑登录界面提示账户或密码错误。',
    '核实身份后重置密码，指导用户首次登录修改。'
  ),
  zh(
    'incident',
    'account',
    'locked',
    3,
    1,
    '账号被锁定，无法打开邮箱',
    '今天早上开始邮箱和 OA 都登录不了，提示账号已被锁定，手机上的邮件客户端可能一直在用旧密码重试。',
    '解锁账号，清除手机上保存的旧密码。'
  ),
  zh(
    'request',
    'account',
    'access_request',
    3,
    3,
    '申请开通{app}的访问权限',
    '因工作需要申请开通{app}的只读权限，部门经理已经在邮件中审批，审批邮件见附件。',
    '权限已按审批开通，用户确认可以访问。'
  ),
  zh(
    'request',
    'account',
    'new_account',
    3,
    2,
    '新员工入职，申请开通账号和邮箱',
    '{dept}下周一有一位新同事入职，需要开通域账号、企业邮箱和{app}账号，并准备一台笔记本。',
    '账号、邮箱已开通，入职资料已发送给部门助理。'
  ),
  zh(
    'incident',
    'account',
    'mfa',
    2,
    2,
    '手机更换后收不到动态验证码',
    '换了新手机，之前绑定的身份验证器没有迁移，现在登录 VPN 和邮箱都需要动态验证码。',
    '核实身份后重新绑定多因素认证。'
  ),
  zh(
    'incident',
    'software',
    'email_client',
    3,
    2,
    'Outlook 一直提示输入密码',
    '修改密码后 Outlook 每隔几分钟弹出输入密码的窗口，输入正确密码也没用，网页版邮箱正常。',
    '清除凭据管理器中的旧凭据并重建配置文件。'
  ),
  zh(
    'incident',
    'software',
    'email_client',
    2,
    2,
    '邮件发送失败，收件人收不到',
    '给外部客户发送的邮件都被退回，退信提示“550 拒绝”，内部邮件正常。',
    '外发网关规则调整，重新投递队列中的邮件。'
  ),
  zh(
    'incident',
    'software',
    'erp',
    1,
    1,
    '{app}打开很慢，报表导出超时',
    '从上午十点开始{app}所有页面都非常慢，月底结账的报表导出一直超时，整个财务部都受影响。',
    '数据库索引重建，清理长时间运行的会话后恢复。'
  ),
  zh(
    'incident',
    'software',
    'erp',
    2,
    1,
    '{app}登录后白屏',
    '浏览器打开{app}登录后页面一片空白，清除缓存也不行，换了同事的电脑同样如此。',
    '应用服务器节点故障，已切换并重启服务。'
  ),
  zh(
    'incident',
    'software',
    'office',
    3,
    3,
    'Excel 打开大文件时卡死',
    '打开部门共享的预算表格（约 80MB）时 Excel 无响应，只能强制关闭，小文件正常。',
    '安装 64 位 Office 并关闭不必要的加载项。'
  ),
  zh(
    'request',
    'software',
    'installation',
    3,
    3,
    '申请安装{tool}',
    '工作需要使用{tool}，电脑没有管理员权限无法安装，麻烦远程协助安装。',
    '已通过软件中心推送安装。'
  ),
  zh(
    'request',
    'software',
    'license',
    3,
    3,
    '{tool}许可证到期，申请续期',
    '打开{tool}提示许可证将在 3 天后到期，请协助续期或更换为公司统一授权。',
    '已分配公司授权许可证。'
  ),
  zh(
    'incident',
    'software',
    'browser',
    3,
    3,
    '浏览器打不开内部网站，提示证书错误',
    '用 Chrome 打开内网门户时提示“您的连接不是私密连接”，其他网站正常。',
    '电脑时间不同步导致，已校正时间并同步根证书。'
  ),
  zh(
    'incident',
    'network',
    'wifi',
    2,
    2,
    '{floor}无线网络信号差，经常掉线',
    '{floor}会议室附近 Wi-Fi 信号很弱，视频会议经常卡顿掉线，已经影响了好几次客户会议。',
    '增加一台无线 AP 并调整信道。'
  ),
  zh(
    'incident',
    'network',
    'lan',
    2,
    2,
    '工位网口不通，电脑显示网络电缆被拔出',
    '换了工位后电脑插上网线没有反应，提示网络电缆被拔出，换了网线也一样。',
    '配线架端口未跳接，已完成跳线并测试。'
  ),
  zh(
    'incident',
    'network',
    'dns',
    1,
    1,
    '多个内部系统域名无法解析',
    '{site}多位同事反馈内部系统的域名都打不开，用 IP 可以访问，怀疑 DNS 有问题。',
    '备用 DNS 服务器服务异常，已重启并修复同步。'
  ),
  zh(
    'incident',
    'network',
    'internet',
    1,
    1,
    '{site}外网全部中断',
    '{site}从 9 点开始所有人都上不了外网，内网系统正常，运营商热线还在排队。',
    '运营商线路故障，已切换备用线路，原线路修复后切回。'
  ),
  zh(
    'request',
    'network',
    'firewall',
    3,
    3,
    '申请开放服务器访问端口',
    '测试环境服务器需要访问外部接口，申请在防火墙上开放 443 端口到指定地址，变更单已提交。',
    '防火墙策略已按变更开放并验证。'
  ),
  zh(
    'incident',
    'hardware',
    'laptop',
    3,
    2,
    '笔记本电脑开机蓝屏',
    '笔记本昨天更新系统后开机就蓝屏，错误代码 0x0000007B，里面有重要的项目文件。',
    '回滚驱动更新，数据已备份，系统恢复正常。'
  ),
  zh(
    'incident',
    'hardware',
    'laptop',
    3,
    3,
    '笔记本电池鼓包，续航很短',
    '笔记本底部有点鼓起来，电池充满只能用半小时左右，担心有安全隐患。',
    '已更换电池。'
  ),
  zh(
    'incident',
    'hardware',
    'monitor',
    3,
    3,
    '显示器闪屏，偶尔黑屏',
    '外接显示器时不时闪一下然后黑屏几秒，换了接口问题依旧。',
    '更换显示器线缆后正常。'
  ),
  zh(
    'incident',
    'hardware',
    'phone',
    3,
    2,
    '座机没有拨号音',
    '{floor}工位的座机拿起来没有拨号音，无法拨打外线，分机号 {ext}。',
    '话机配置丢失，已重新注册。'
  ),
  zh(
    'request',
    'hardware',
    'peripheral',
    3,
    3,
    '申请领用键盘鼠标',
    '键盘部分按键失灵，申请更换一套无线键盘鼠标。',
    '已发放新键鼠。'
  ),
  zh(
    'request',
    'hardware',
    'desktop',
    3,
    3,
    '申请更换办公电脑',
    '目前使用的台式机已经用了六年，运行设计软件非常卡，申请按规定更换。',
    '新电脑已部署并迁移数据。'
  ),
  zh(
    'incident',
    'security',
    'phishing',
    2,
    1,
    '收到可疑邮件，已点击链接',
    '收到一封自称财务部的邮件要求更新工资卡信息，点了里面的链接并输入了账号密码，之后觉得不对。',
    '已重置密码、吊销会话并在网关拦截该发件域。'
  ),
  zh(
    'incident',
    'security',
    'malware',
    1,
    1,
    '电脑弹出勒索提示，文件无法打开',
    '电脑桌面弹出英文勒索提示，共享盘上部分文件后缀被改了，已经拔掉网线。',
    '隔离主机，从备份恢复文件，重装系统。'
  ),
  zh(
    'incident',
    'security',
    'lost_device',
    2,
    1,
    '出差途中笔记本电脑丢失',
    '在高铁站丢失了公司笔记本，里面有客户资料，电脑已加密，请协助远程锁定。',
    '已远程锁定并擦除设备，吊销证书。'
  ),
  zh(
    'incident',
    'security',
    'data_leak',
    1,
    2,
    '发现内部文件出现在外部网站',
    '在一个公开论坛上看到了我们部门的内部报价单截图，需要安全团队调查。',
    '已完成调查并提交问题记录，相关链接已下架。'
  ),
  zh(
    'request',
    'other',
    'question',
    3,
    3,
    '咨询会议室视频设备使用方法',
    '明天下午要在{floor}大会议室开视频会议，想了解一下如何连接投屏和摄像头。',
    '已发送操作指南并现场演示。'
  ),
  zh(
    'request',
    'other',
    'facilities',
    3,
    3,
    '会议室投影仪无法开机',
    '{floor}会议室投影仪按电源没有反应，指示灯不亮，下午有培训。',
    '更换电源适配器后正常。'
  ),
  // ---------- English ----------
  en(
    'incident',
    'software',
    'email_client',
    3,
    2,
    'Outlook keeps asking for password',
    'Since I changed my password yesterday Outlook prompts for credentials every few minutes. Webmail works fine. I am on Windows 11 with Office 365.',
    'Cleared cached credentials in Credential Manager and rebuilt the Outlook profile.'
  ),
  en(
    'incident',
    'software',
    'email_client',
    3,
    3,
    'Shared mailbox not showing in Outlook',
    'I was given access to the {dept} shared mailbox last week but it still does not appear in my Outlook folder list.',
    'Re-applied mailbox permissions with automapping; user restarted Outlook.'
  ),
  en(
    'incident',
    'network',
    'vpn',
    2,
    2,
    'VPN drops every 15 minutes',
    'Working from home, the VPN client disconnects roughly every 15 minutes and I have to re-enter my MFA code. Home internet is stable.',
    'Upgraded the VPN client and adjusted the keep-alive interval.'
  ),
  en(
    'incident',
    'network',
    'vpn',
    2,
    1,
    'Cannot connect to VPN - certificate error',
    'The VPN client says my certificate is invalid. I have a client call in an hour and need access to {app}.',
    'Reissued the user certificate and guided the user through installing it.'
  ),
  en(
    'incident',
    'hardware',
    'printer',
    3,
    2,
    'Printer on {floorEn} jammed',
    'The printer near the kitchen on {floorEn} keeps reporting a paper jam, but there is no paper stuck. Jobs are piling up in the queue.',
    'Removed torn paper from the fuser and replaced the pickup roller.'
  ),
  en(
    'request',
    'hardware',
    'printer',
    3,
    3,
    'Please add the {floorEn} printer to my laptop',
    'I moved desks to {floorEn} and cannot find the local printer. Could you add it and set it as default?',
    'Added the printer remotely and printed a test page.'
  ),
  en(
    'incident',
    'account',
    'password_reset',
    3,
    2,
    'Forgot my password after holiday',
    'Back from two weeks off and I cannot remember my network password. I can still receive texts on my phone.',
    'Verified identity and reset the password; user changed it at first login.'
  ),
  en(
    'incident',
    'account',
    'locked',
    3,
    1,
    'Account locked out',
    'My account keeps getting locked. I think my phone is still trying the old password for email.',
    'Unlocked the account and removed the stale password from the mobile mail app.'
  ),
  en(
    'request',
    'account',
    'access_request',
    3,
    3,
    'Access request for {app}',
    'Please grant me read-only access to {app}. My manager approved this by email (attached).',
    'Access granted per approval; user confirmed.'
  ),
  en(
    'request',
    'account',
    'new_account',
    3,
    2,
    'New starter in {dept} next Monday',
    'We have a new starter joining {dept} next Monday. Please set up a network account, mailbox, {app} login and a laptop.',
    'Accounts created and laptop prepared; details sent to the hiring manager.'
  ),
  en(
    'incident',
    'account',
    'mfa',
    2,
    2,
    'New phone - MFA codes not arriving',
    'I replaced my phone and the authenticator app did not transfer. I cannot sign in to email or VPN.',
    'Verified identity and re-registered MFA on the new device.'
  ),
  en(
    'incident',
    'software',
    'erp',
    1,
    1,
    '{app} extremely slow - month-end reports time out',
    'Since 10:00 every page in {app} takes ages to load and month-end report exports time out. The whole finance team is affected.',
    'Rebuilt fragmented indexes and cleared long-running sessions; performance back to normal.'
  ),
  en(
    'incident',
    'software',
    'erp',
    2,
    1,
    '{app} shows a blank page after login',
    'After logging in to {app} the page stays blank. Cleared the browser cache, tried a colleague\u2019s PC - same result.',
    'Failed application node taken out of the pool and restarted.'
  ),
  en(
    'incident',
    'software',
    'office',
    3,
    3,
    'Excel freezes opening large workbook',
    'Excel stops responding when I open the 80 MB budget workbook from the shared drive. Small files open fine.',
    'Installed 64-bit Office and disabled unused add-ins.'
  ),
  en(
    'request',
    'software',
    'installation',
    3,
    3,
    'Install {tool} on my laptop',
    'I need {tool} for a project starting next week. I do not have admin rights to install it myself.',
    'Deployed through the software centre.'
  ),
  en(
    'request',
    'software',
    'license',
    3,
    3,
    '{tool} licence expiring',
    '{tool} warns that my licence expires in 3 days. Please renew it or move me to the company licence.',
    'Assigned a company licence.'
  ),
  en(
    'incident',
    'software',
    'browser',
    3,
    3,
    'Intranet shows certificate warning in Chrome',
    'Chrome says "Your connection is not private" on the intranet portal. Other sites load normally.',
    'Clock was out of sync; corrected time and refreshed root certificates.'
  ),
  en(
    'incident',
    'network',
    'wifi',
    2,
    2,
    'Wi-Fi keeps dropping in {floorEn} meeting rooms',
    'The Wi-Fi in the {floorEn} meeting rooms is very weak; video calls freeze and drop. This has hit several customer meetings.',
    'Added an access point and re-planned channels.'
  ),
  en(
    'incident',
    'network',
    'lan',
    2,
    2,
    'No network at new desk',
    'After moving desks the network port does not work - Windows says the cable is unplugged. Tried another cable.',
    'Patch panel port was not patched; patched and tested.'
  ),
  en(
    'incident',
    'network',
    'dns',
    1,
    1,
    'Internal sites not resolving at {siteEn}',
    'Several people at {siteEn} cannot open any internal site by name; IP addresses work. Looks like DNS.',
    'Secondary DNS service had stopped; restarted and repaired zone replication.'
  ),
  en(
    'incident',
    'network',
    'internet',
    1,
    1,
    'Internet outage at {siteEn}',
    'Nobody at {siteEn} can reach the internet since 09:00. Internal systems work. ISP hotline queue is long.',
    'ISP circuit fault; failed over to the backup line and back once repaired.'
  ),
  en(
    'request',
    'network',
    'firewall',
    3,
    3,
    'Firewall rule for test server',
    'The test server needs outbound HTTPS to a partner API. Change request raised; please open port 443 to the listed addresses.',
    'Rule implemented under the approved change and verified.'
  ),
  en(
    'incident',
    'hardware',
    'laptop',
    3,
    2,
    'Laptop blue screen on boot',
    'My laptop shows a blue screen (INACCESSIBLE_BOOT_DEVICE) since last night\u2019s update. I have project files on it.',
    'Rolled back the storage driver; data backed up; laptop boots normally.'
  ),
  en(
    'incident',
    'hardware',
    'monitor',
    3,
    3,
    'External monitor flickers and goes black',
    'The external monitor flickers and goes black for a few seconds several times an hour. Tried the other port.',
    'Replaced the display cable.'
  ),
  en(
    'incident',
    'hardware',
    'phone',
    3,
    2,
    'Desk phone has no dial tone',
    'The desk phone at my desk on {floorEn} has no dial tone; extension {ext}.',
    'Phone lost its registration; re-provisioned.'
  ),
  en(
    'request',
    'hardware',
    'desktop',
    3,
    3,
    'PC replacement - six years old',
    'My desktop is six years old and struggles with CAD software. Requesting a replacement per the refresh policy.',
    'New PC deployed and data migrated.'
  ),
  en(
    'request',
    'hardware',
    'peripheral',
    3,
    3,
    'Headset for calls',
    'Requesting a USB headset with noise cancelling for customer calls.',
    'Headset issued.'
  ),
  en(
    'incident',
    'security',
    'phishing',
    2,
    1,
    'Clicked a link in a suspicious email',
    'I received an email claiming to be from payroll asking me to update bank details. I clicked the link and entered my password before I realised.',
    'Password reset, sessions revoked, sender domain blocked at the gateway.'
  ),
  en(
    'incident',
    'security',
    'malware',
    1,
    1,
    'Ransom note on screen, files renamed',
    'A ransom note popped up and files on the shared drive have a strange extension. I have unplugged the network cable.',
    'Host isolated, files restored from backup, machine rebuilt.'
  ),
  en(
    'incident',
    'security',
    'lost_device',
    2,
    1,
    'Laptop lost while travelling',
    'I lost my company laptop at the airport. It is encrypted but has customer data - please lock it remotely.',
    'Device locked and wiped remotely; certificates revoked.'
  ),
  en(
    'incident',
    'security',
    'vulnerability',
    2,
    2,
    'Scanner flagged outdated Java on {app} server',
    'The weekly vulnerability scan reports a critical Java version on the {app} application server.',
    'Patched Java under a standard change; rescan clean.'
  ),
  en(
    'request',
    'other',
    'question',
    3,
    3,
    'How do I share my screen in the boardroom?',
    'I am presenting in the {floorEn} boardroom tomorrow. How do I connect my laptop to the screen and camera?',
    'Sent the quick guide and showed the user on site.'
  ),
  en(
    'request',
    'other',
    'facilities',
    3,
    3,
    'Projector in meeting room will not turn on',
    'The projector in the {floorEn} meeting room does not power on; no lights at all. Training starts at 14:00.',
    'Replaced the power adapter.'
  )
]

export const slots: Record<string, readonly string[]> = {
  floor: ['3 楼', '5 楼', '7 楼东区', '12 楼', '研发中心 2 楼', '财务部所在的 8 楼'],
  floorEn: ['Level 3', 'Level 5', 'Level 7 East', 'Level 12', 'the R&D 2nd floor', 'Level 8'],
  site: ['上海总部', '北京分公司', '深圳研发中心', '成都客服中心', '苏州工厂'],
  siteEn: ['Shanghai HQ', 'Beijing office', 'Shenzhen R&D', 'Chengdu contact centre', 'Suzhou plant'],
  app: ['SAP ERP', '用友财务系统', 'Salesforce CRM', 'OA 办公系统', 'Jira', 'Workday', 'SharePoint', '金蝶云星空'],
  tool: ['Visio', 'Power BI Desktop', 'AutoCAD', 'Python 3', 'Adobe Acrobat Pro', 'Tableau', 'Zoom'],
  dept: [
    '财务部',
    '市场部',
    '人力资源部',
    '研发中心',
    '客户服务部',
    'Finance',
    'Marketing',
    'HR',
    'Engineering',
    'Sales'
  ]
}

export function fillSlots(text: string, pick: (values: readonly string[]) => string, ext: () => string): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (name === 'ext') return ext()
    const values = slots[name]
    return values ? pick(values) : m
  })
}

/** Team records: one name, Chinese first with the English the desk also uses (mixed teams read both). */
export interface TeamSeed {
  key: string
  /** The standard team it is (src/shared/people/default-teams.ts): the demo reuses its id and name. */
  base: DefaultTeamKey
  name: string
  kind: (typeof teamKinds)[number]
  tier: 'L1' | 'L2' | 'L3'
}

export const teamSeeds: readonly TeamSeed[] = [
  { key: 'sd-l1', base: 'serviceDeskL1', name: '服务台一线 Service Desk L1', kind: 'service_desk', tier: 'L1' },
  { key: 'sd-l2', base: 'serviceDeskL2', name: '服务台二线 Service Desk L2', kind: 'service_desk', tier: 'L2' },
  { key: 'tech', base: 'technical', name: '技术支持 Technical Support', kind: 'technical', tier: 'L3' },
  { key: 'app', base: 'application', name: '应用支持 Application Support', kind: 'application', tier: 'L3' },
  { key: 'net', base: 'network', name: '网络支持 Network Support', kind: 'network', tier: 'L3' },
  { key: 'sec', base: 'security', name: '安全团队 Security Team', kind: 'security', tier: 'L3' }
]

export const agentNames: Record<string, readonly string[]> = {
  'sd-l1': ['王芳', '李娜', 'Emily Carter', '张伟', '刘洋', 'Tom Nguyen', '陈静', '杨帆'],
  'sd-l2': ['赵磊', 'Sarah Mitchell', '黄婷', '周杰', 'David Kim', '吴敏'],
  tech: ['徐强', 'James Wilson', '孙丽', '马超', '朱琳'],
  app: ['胡斌', 'Olivia Brown', '郭晨', '何静', 'Michael Chen'],
  net: ['高峰', 'Daniel Lee', '林涛', '罗勇', '梁晓东'],
  sec: ['宋雪', 'Rachel Green', '郑凯', '谢明']
}

export const zhSurnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕'
]
export const zhGiven = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '志强',
  '建华',
  '文博',
  '思远',
  '雨桐',
  '子涵',
  '欣怡',
  '浩然',
  '梓萱',
  '宇轩',
  '晓燕',
  '海波',
  '丹丹',
  '俊杰'
]
export const enFirst = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Chris',
  'Karen',
  'Daniel',
  'Nancy',
  'Matthew',
  'Lisa',
  'Anthony',
  'Emma',
  'Mark',
  'Olivia',
  'Paul',
  'Sophie',
  'Andrew',
  'Grace',
  'Kevin',
  'Hannah'
]
export const enLast = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Martin',
  'Jackson',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Adams',
  'Nelson',
  'Hill'
]
export const departmentsZh = [
  '财务部',
  '市场部',
  '人力资源部',
  '研发中心',
  '客户服务部',
  '采购部',
  '法务部',
  '行政部',
  '销售一部',
  '销售二部',
  '生产制造部',
  '质量管理部'
]
export const departmentsEn = [
  'Finance',
  'Marketing',
  'Human Resources',
  'Engineering',
  'Customer Service',
  'Procurement',
  'Legal',
  'Facilities',
  'Sales EMEA',
  'Sales APAC',
  'Manufacturing',
  'Quality'
]

export interface ServiceSeed {
  key: string
  name: string
  type: 'service' | 'ci'
  category: Category
  team: string
}

export const serviceSeeds: readonly ServiceSeed[] = [
  { key: 'email', name: '企业邮箱 Exchange Online', type: 'service', category: 'software', team: 'app' },
  { key: 'erp', name: 'SAP ERP 生产环境', type: 'service', category: 'software', team: 'app' },
  { key: 'crm', name: 'Salesforce CRM', type: 'service', category: 'software', team: 'app' },
  { key: 'oa', name: 'OA 办公系统', type: 'service', category: 'software', team: 'app' },
  { key: 'vpn', name: '远程访问 VPN', type: 'service', category: 'network', team: 'net' },
  { key: 'wifi', name: '办公无线网络 Wi-Fi', type: 'service', category: 'network', team: 'net' },
  { key: 'lan', name: '园区有线网络 Campus LAN', type: 'service', category: 'network', team: 'net' },
  { key: 'dns', name: 'DNS / DHCP', type: 'ci', category: 'network', team: 'net' },
  { key: 'fw', name: '边界防火墙 FW-SH-01', type: 'ci', category: 'network', team: 'net' },
  { key: 'ad', name: '域账号 Active Directory', type: 'service', category: 'account', team: 'sd-l2' },
  { key: 'mfa', name: '多因素认证 MFA', type: 'service', category: 'account', team: 'sec' },
  { key: 'print', name: '打印服务 Print Service', type: 'service', category: 'hardware', team: 'tech' },
  { key: 'pc', name: '办公终端 Workplace Devices', type: 'service', category: 'hardware', team: 'tech' },
  { key: 'voice', name: '语音电话 Voice', type: 'service', category: 'hardware', team: 'tech' },
  { key: 'edr', name: '终端安全 EDR', type: 'ci', category: 'security', team: 'sec' },
  { key: 'meeting', name: '会议室设备 Meeting Rooms', type: 'service', category: 'other', team: 'sd-l1' }
]

/** The service a call of a subcategory most likely concerns ('' when none fits). */
export const serviceForSubcategory: Record<string, string> = {
  email_client: 'email',
  erp: 'erp',
  office: 'pc',
  browser: 'pc',
  installation: 'pc',
  license: 'pc',
  vpn: 'vpn',
  wifi: 'wifi',
  lan: 'lan',
  dns: 'dns',
  internet: 'fw',
  firewall: 'fw',
  password_reset: 'ad',
  locked: 'ad',
  access_request: 'ad',
  new_account: 'ad',
  mfa: 'mfa',
  printer: 'print',
  laptop: 'pc',
  desktop: 'pc',
  monitor: 'pc',
  peripheral: 'pc',
  phone: 'voice',
  phishing: 'email',
  malware: 'edr',
  lost_device: 'edr',
  data_leak: '',
  vulnerability: 'edr',
  question: 'meeting',
  facilities: 'meeting'
}
