/**
 * The enrollment officers' pages: participants and their forms — messages spread into i18n/id.ts and i18n/en.ts (so the check that both
 * languages have the same keys covers them too). Keys start with 'enrollment.'.
 */
export const enrollmentMessagesId = {
  'enrollment.nav.participants': 'Peserta',

  'enrollment.search.title': 'Cari peserta',
  'enrollment.search.nikHint': '16 angka, persis. NIK tidak pernah muncul di alamat halaman.',
  'enrollment.search.nameHint': 'Kata-kata dari nama, urutan bebas; semuanya harus cocok.',
  'enrollment.search.submit': 'Cari',
  'enrollment.search.none': 'Tidak ada peserta yang cocok.',
  'enrollment.search.caption': '{count} peserta ditemukan',
  'enrollment.search.criteria': 'Isi NIK atau nama untuk mencari.',
  'enrollment.search.back': 'Kembali ke pencarian peserta',

  'enrollment.field.nik': 'NIK',
  'enrollment.field.nikHint':
    '16 angka dari KTP: kode wilayah, tanggal lahir (perempuan: tanggal + 40), nomor urut.',
  'enrollment.field.fullName': 'Nama lengkap',
  'enrollment.field.birthDate': 'Tanggal lahir',
  'enrollment.field.sex': 'Jenis kelamin',
  'enrollment.field.address': 'Alamat',
  'enrollment.field.addressLine': 'Alamat (jalan, RT/RW, kelurahan)',
  'enrollment.field.regency': 'Kabupaten/kota',
  'enrollment.field.regencyCode': 'Kode kabupaten/kota',
  'enrollment.field.regencyCodeHint': '4 angka kode Kemendagri, misalnya 5371 untuk Kota Kupang.',
  'enrollment.field.phone': 'Nomor telepon',
  'enrollment.field.phoneHint': '8–15 angka, boleh diawali +.',
  'enrollment.field.occupation': 'Pekerjaan',
  'enrollment.field.declaredIncome': 'Penghasilan yang dilaporkan per bulan',
  'enrollment.field.newDeclaredIncome': 'Penghasilan baru per bulan',
  'enrollment.field.declaredIncomeHint':
    'Rupiah utuh, misalnya 1500000 atau 1.500.000; antara batas bawah dan batas atas yang berlaku.',
  'enrollment.field.incomeEffectiveFrom': 'Berlaku mulai bulan',
  'enrollment.field.effectiveFrom': 'Berlaku mulai bulan',
  'enrollment.field.monthHint': 'Bulan dan tahun (TTTT-BB).',
  'enrollment.field.sponsorProgramId': 'Program pemberi bantuan iuran',
  'enrollment.field.sponsorProgramIdHint':
    'Kode program pemerintah daerah yang membayar iuran, misalnya ntt-2026. Kosongkan bila peserta membayar sendiri.',
  'enrollment.field.reason': 'Alasan koreksi',
  'enrollment.field.reasonHint': 'Misalnya: nama sesuai KTP.',
  'enrollment.field.bankCode': 'Kode bank',
  'enrollment.field.bankCodeHint': 'Misalnya BRI, BNI, MANDIRI.',
  'enrollment.field.accountNumber': 'Nomor rekening',
  'enrollment.field.accountName': 'Nama pemilik rekening',
  'enrollment.field.membership': 'Kepesertaan',
  'enrollment.field.status': 'Status',
  'enrollment.field.registered': 'Terdaftar pada',

  'enrollment.sex.male': 'Laki-laki',
  'enrollment.sex.female': 'Perempuan',
  'enrollment.relationship.spouse': 'Suami/istri',
  'enrollment.relationship.child': 'Anak',
  'enrollment.relationship.parent': 'Orang tua',
  'enrollment.relationship.grandparent': 'Kakek/nenek',
  'enrollment.relationship.grandchild': 'Cucu',
  'enrollment.relationship.sibling': 'Saudara kandung',
  'enrollment.relationship.parent-in-law': 'Mertua',
  'enrollment.relationship.will-beneficiary': 'Ditunjuk dalam wasiat',
  'enrollment.childRelationship.biological': 'Anak kandung',
  'enrollment.childRelationship.step': 'Anak tiri',
  'enrollment.childRelationship.adopted': 'Anak angkat',
  'enrollment.membership.self-paying': 'Bukan penerima upah, membayar sendiri',
  'enrollment.membership.sponsored': 'Iuran dibayar program {program}',
  'enrollment.status.active': 'Aktif',
  'enrollment.status.deceased': 'Meninggal dunia pada {date}',
  'enrollment.status.deceasedShort': 'Meninggal dunia',
  'enrollment.status.deathHint':
    'Kematian yang dilaporkan keluarga atau Dukcapil dicatat di sini dari akta kematiannya; kematian pada klaim JKK atau JKM dicatat oleh petugas klaim.',

  'enrollment.participant.title': 'Peserta: {name}',
  'enrollment.participant.back': 'Kembali ke halaman peserta',
  'enrollment.participant.details': 'Data pribadi',
  'enrollment.participant.membership': 'Kepesertaan dan iuran',
  'enrollment.participant.masked':
    'Data pribadi disamarkan untuk peran Anda (NIK, nama, alamat, telepon, rekening).',
  'enrollment.coverage.arrears': 'Bulan menunggak',
  'enrollment.coverage.noArrears': 'Tidak ada',
  'enrollment.coverage.unavailable': 'Status iuran tidak dapat ditampilkan: {reason}',
  'enrollment.income.caption': 'Riwayat penghasilan yang dilaporkan',
  'enrollment.income.from': 'Berlaku mulai',
  'enrollment.income.title': 'Ubah penghasilan yang dilaporkan',
  'enrollment.income.current': 'Penghasilan yang dilaporkan saat ini: {income} per bulan.',
  'enrollment.income.submit': 'Simpan penghasilan baru',
  'enrollment.income.done': 'Penghasilan yang dilaporkan sudah diubah.',

  'enrollment.heirs.heading': 'Ahli waris',
  'enrollment.heirs.none': 'Belum ada ahli waris yang ditetapkan.',
  'enrollment.heirs.caption': 'Ahli waris: golongan, rekening, dan penerima manfaat',
  'enrollment.heirs.relationship': 'Hubungan dengan peserta',
  'enrollment.heirs.relationshipHint':
    'Golongan ahli waris mengikuti hubungan ini menurut aturan yang berlaku; layanan menentukannya.',
  'enrollment.heirs.tier': 'Golongan',
  'enrollment.heirs.tierValue': 'Golongan {tier}',
  'enrollment.heirs.notEntitled': '(tidak berhak selama ada golongan lebih tinggi)',
  'enrollment.heirs.bankAccount': 'Rekening bank',
  'enrollment.heirs.payee': 'Penerima',
  'enrollment.heirs.isPayee': 'Penerima manfaat',
  'enrollment.heirs.orderNote':
    'Ahli waris golongan {tier} berhak (aturan {ruleSet}). Penerima menurut urutan platform; saat klaim, para ahli waris dapat menunjuk penerima lain dengan persetujuan yang lain.',
  'enrollment.heirs.noTier':
    'Tidak ada ahli waris golongan 1–5 (aturan {ruleSet}): manfaat selain biaya pemakaman kembali ke dana jaminan sosial.',
  'enrollment.heirs.title': 'Tetapkan ahli waris',
  'enrollment.heirs.intro':
    'Daftar ini menggantikan penetapan sebelumnya. Baris yang dikosongkan tidak disimpan.',
  'enrollment.heirs.payeeNote':
    'Penerima manfaat ditentukan layanan kepesertaan menurut golongan dan urutan hubungan; halaman peserta menunjukkannya setelah disimpan.',
  'enrollment.heirs.row': 'Ahli waris {n}',
  'enrollment.heirs.rowField': 'Ahli waris {n}: {field}',
  'enrollment.heirs.submit': 'Simpan ahli waris',
  'enrollment.heirs.addRow': 'Tambah baris',
  'enrollment.heirs.done': 'Ahli waris sudah ditetapkan.',

  'enrollment.children.heading': 'Anak yang didaftarkan untuk beasiswa',
  'enrollment.children.none': 'Belum ada anak yang didaftarkan.',
  'enrollment.children.caption': 'Anak yang didaftarkan untuk beasiswa pendidikan',
  'enrollment.children.relationship': 'Hubungan anak',
  'enrollment.child.title': 'Daftarkan anak untuk beasiswa',
  'enrollment.child.intro':
    'Paling banyak dua anak; layanan menolak anak ketiga. Sudah terdaftar: {count}.',
  'enrollment.child.submit': 'Daftarkan anak',
  'enrollment.child.done': 'Anak sudah didaftarkan untuk beasiswa.',

  'enrollment.details.title': 'Koreksi data peserta',
  'enrollment.details.intro':
    'Isi hanya yang dikoreksi. NIK, tanggal lahir, dan jenis kelamin tidak dapat dikoreksi di sini.',
  'enrollment.details.now': 'Saat ini: {value}',
  'enrollment.details.submit': 'Simpan koreksi',
  'enrollment.details.done': 'Data peserta sudah dikoreksi.',

  'enrollment.death.title': 'Catat kematian',
  'enrollment.death.intro':
    'Catat kematian yang dilaporkan keluarga atau Dukcapil, dari akta kematiannya. Setelah dicatat, tagihan iuran berhenti dan klaim JKK atau JKM memeriksa tanggal ini.',
  'enrollment.death.submit': 'Catat kematian',
  'enrollment.death.done': 'Kematian peserta sudah dicatat.',
  'enrollment.field.dateOfDeath': 'Tanggal meninggal',
  'enrollment.field.dateOfDeathHint': 'Sesuai akta kematian.',
  'enrollment.field.deathCertificateReference': 'Nomor akta kematian',
  'enrollment.field.deathCertificateReferenceHint':
    'Seperti tertulis pada akta, mis. 5371-KM-10112026-0042.',

  'enrollment.register.title': 'Daftarkan peserta',
  'enrollment.register.intro':
    'Peserta bukan penerima upah (BPU). Setelah terdaftar, tetapkan ahli warisnya.',
  'enrollment.register.submit': 'Daftarkan',
  'enrollment.register.done': 'Peserta sudah didaftarkan. Sekarang tetapkan ahli warisnya.',
  'enrollment.register.already':
    'NIK ini sudah terdaftar dengan data yang sama; ini halaman peserta tersebut.',

  'enrollment.register.conflict':
    'NIK ini sudah terdaftar dengan data lain: inilah peserta tersebut. Koreksi datanya bila perlu.',
  'enrollment.form.for': 'Peserta: {name} (NIK {nik})',
  'enrollment.form.choose': 'Pilih…',

  'enrollment.history.heading': 'Riwayat',
  'enrollment.history.caption': 'Riwayat peserta, dari yang paling awal',
  'enrollment.history.when': 'Waktu',
  'enrollment.history.what': 'Kejadian',
  'enrollment.history.who': 'Oleh',
  'enrollment.history.system': 'Sistem',
  'enrollment.history.registered':
    'Didaftarkan: {name}, penghasilan {income} per bulan mulai {month}; {membership}.',
  'enrollment.history.corrected': 'Data dikoreksi ({fields}). Alasan: {reason}',
  'enrollment.history.incomeChanged':
    'Penghasilan yang dilaporkan diubah dari {previous} menjadi {income} mulai {month}.',
  'enrollment.history.heirsDesignated': 'Ahli waris ditetapkan: {heirs}.',
  'enrollment.history.heirsCleared': 'Daftar ahli waris dikosongkan.',
  'enrollment.history.heir': '{name} ({relationship})',
  'enrollment.history.childRegistered': 'Anak didaftarkan untuk beasiswa: {name}, lahir {date}.',
  'enrollment.history.deceased':
    'Meninggal dunia pada {date} (dicatat dari akta kematian pada klaim).',
  'enrollment.history.deceasedReported':
    'Meninggal dunia pada {date}, dicatat petugas kepesertaan dari akta kematian nomor {certificate}.',
  'enrollment.history.other': 'Kejadian {type}.',

  'enrollment.problem.NIK_FORMAT': 'NIK harus tepat 16 angka.',
  'enrollment.problem.NIK_PROVINCE_UNKNOWN': 'Kode provinsi pada NIK tidak dikenal.',
  'enrollment.problem.NIK_REGENCY_UNKNOWN': 'Kode kabupaten/kota pada NIK tidak dikenal.',
  'enrollment.problem.NIK_DISTRICT_INVALID': 'Kode kecamatan pada NIK tidak sah.',
  'enrollment.problem.NIK_DISTRICT_UNKNOWN': 'Kode kecamatan pada NIK tidak dikenal.',
  'enrollment.problem.NIK_DATE_INVALID': 'Tanggal lahir di dalam NIK bukan tanggal yang ada.',
  'enrollment.problem.NIK_BIRTH_DATE_MISMATCH':
    'Tanggal lahir di dalam NIK tidak sama dengan tanggal lahir yang diisi.',
  'enrollment.problem.NIK_SEX_MISMATCH':
    'NIK menunjukkan jenis kelamin lain (perempuan: tanggal lahir + 40).',
  'enrollment.problem.NIK_SERIAL_INVALID': 'Nomor urut pada NIK tidak sah (0000).',
  'enrollment.problem.NAME_BLANK': 'Nama wajib diisi.',
  'enrollment.problem.DATE_INVALID': 'Tanggal ini tidak ada di kalender.',
  'enrollment.problem.BIRTH_DATE_IN_FUTURE': 'Tanggal lahir tidak boleh di masa depan.',
  'enrollment.problem.ADDRESS_REGENCY_UNKNOWN': 'Kode kabupaten/kota ini tidak dikenal.',
  'enrollment.problem.INCOME_NOT_INTEGER_RUPIAH': 'Penghasilan harus rupiah utuh.',
  'enrollment.problem.INCOME_BELOW_FLOOR':
    'Penghasilan di bawah batas terendah yang berlaku untuk bulan itu.',
  'enrollment.problem.INCOME_ABOVE_CEILING':
    'Penghasilan di atas batas tertinggi yang berlaku untuk bulan itu.',
  'enrollment.problem.INCOME_EFFECTIVE_MONTH_INVALID':
    'Bulan berlakunya tidak dapat diterima (harus bulan yang sah, tidak sebelum penghasilan terakhir).',
  'enrollment.problem.PARTICIPANT_ALREADY_REGISTERED':
    'NIK ini sudah terdaftar dengan data lain. Cari peserta itu dan koreksi datanya bila perlu.',
  'enrollment.problem.PARTICIPANT_DECEASED':
    'Peserta sudah meninggal dunia; datanya tidak dapat diubah lagi.',
  'enrollment.problem.PARTICIPANT_NOT_REGISTERED': 'Peserta ini tidak terdaftar.',
  'enrollment.problem.CORRECTION_EMPTY':
    'Koreksi ini tidak mengubah apa pun. Isi data yang dikoreksi.',
  'enrollment.problem.HEIR_INVALID':
    'Setiap ahli waris memerlukan nama, hubungan yang dikenal, dan tanggal lahir yang sah.',
  'enrollment.problem.CHILD_LIMIT_REACHED':
    'Sudah ada dua anak terdaftar untuk beasiswa; tidak dapat menambah lagi.',
  'enrollment.problem.CHILD_INVALID': 'Anak ini perlu nama, atau sudah terdaftar dengan data lain.',
  'enrollment.problem.SEARCH_CRITERIA_MISSING': 'Isi NIK atau nama untuk mencari.',
  'enrollment.problem.DEATH_DATE_INVALID': 'Tanggal meninggal ini tidak ada di kalender.',
  'enrollment.problem.DEATH_DATE_IN_FUTURE': 'Tanggal meninggal tidak boleh setelah hari ini.',
  'enrollment.problem.DEATH_DATE_BEFORE_BIRTH':
    'Tanggal meninggal tidak boleh sebelum tanggal lahir peserta.',
  'enrollment.problem.DEATH_DATE_CONFLICT':
    'Kematian peserta sudah dicatat pada tanggal lain; perbaikan tanggal bukan lewat formulir ini.',
  'enrollment.problem.DEATH_CERTIFICATE_MISSING': 'Isi nomor akta kematian.',
} as const;

export type EnrollmentMessageKey = keyof typeof enrollmentMessagesId;

export const enrollmentMessagesEn: { readonly [K in EnrollmentMessageKey]: string } = {
  'enrollment.nav.participants': 'Participants',

  'enrollment.search.title': 'Find a participant',
  'enrollment.search.nikHint': '16 digits, exactly. The NIK never appears in a page address.',
  'enrollment.search.nameHint': 'Words of the name, in any order; all must match.',
  'enrollment.search.submit': 'Search',
  'enrollment.search.none': 'No participant matches.',
  'enrollment.search.caption': '{count} participants found',
  'enrollment.search.criteria': 'Enter a NIK or a name to search.',
  'enrollment.search.back': 'Back to the participant search',

  'enrollment.field.nik': 'NIK',
  'enrollment.field.nikHint':
    '16 digits from the KTP: region codes, birth date (women: day + 40), serial number.',
  'enrollment.field.fullName': 'Full name',
  'enrollment.field.birthDate': 'Date of birth',
  'enrollment.field.sex': 'Sex',
  'enrollment.field.address': 'Address',
  'enrollment.field.addressLine': 'Address (street, RT/RW, village)',
  'enrollment.field.regency': 'Regency/city',
  'enrollment.field.regencyCode': 'Regency/city code',
  'enrollment.field.regencyCodeHint': 'The 4-digit Kemendagri code, e.g. 5371 for Kota Kupang.',
  'enrollment.field.phone': 'Phone number',
  'enrollment.field.phoneHint': '8–15 digits, optionally starting with +.',
  'enrollment.field.occupation': 'Occupation',
  'enrollment.field.declaredIncome': 'Declared monthly income',
  'enrollment.field.newDeclaredIncome': 'New monthly income',
  'enrollment.field.declaredIncomeHint':
    'Whole rupiah, e.g. 1500000 or 1.500.000; between the floor and the ceiling in force.',
  'enrollment.field.incomeEffectiveFrom': 'Applies from month',
  'enrollment.field.effectiveFrom': 'Applies from month',
  'enrollment.field.monthHint': 'Month and year (YYYY-MM).',
  'enrollment.field.sponsorProgramId': 'Sponsor program paying the contributions',
  'enrollment.field.sponsorProgramIdHint':
    'The regional government program that pays, e.g. ntt-2026. Leave empty if the participant pays themselves.',
  'enrollment.field.reason': 'Reason for the correction',
  'enrollment.field.reasonHint': 'For example: name as on the KTP.',
  'enrollment.field.bankCode': 'Bank code',
  'enrollment.field.bankCodeHint': 'For example BRI, BNI, MANDIRI.',
  'enrollment.field.accountNumber': 'Account number',
  'enrollment.field.accountName': 'Account holder’s name',
  'enrollment.field.membership': 'Membership',
  'enrollment.field.status': 'Status',
  'enrollment.field.registered': 'Registered on',

  'enrollment.sex.male': 'Male',
  'enrollment.sex.female': 'Female',
  'enrollment.relationship.spouse': 'Spouse',
  'enrollment.relationship.child': 'Child',
  'enrollment.relationship.parent': 'Parent',
  'enrollment.relationship.grandparent': 'Grandparent',
  'enrollment.relationship.grandchild': 'Grandchild',
  'enrollment.relationship.sibling': 'Sibling',
  'enrollment.relationship.parent-in-law': 'Parent-in-law',
  'enrollment.relationship.will-beneficiary': 'Named in a will',
  'enrollment.childRelationship.biological': 'Biological child',
  'enrollment.childRelationship.step': 'Stepchild',
  'enrollment.childRelationship.adopted': 'Adopted child',
  'enrollment.membership.self-paying': 'Informal worker, paying their own contributions',
  'enrollment.membership.sponsored': 'Contributions paid by program {program}',
  'enrollment.status.active': 'Active',
  'enrollment.status.deceased': 'Died on {date}',
  'enrollment.status.deceasedShort': 'Deceased',
  'enrollment.status.deathHint':
    'A death the family or Dukcapil reports is recorded here from its death certificate; a death on a JKK or JKM claim is recorded by the claims office.',

  'enrollment.participant.title': 'Participant: {name}',
  'enrollment.participant.back': 'Back to the participant’s page',
  'enrollment.participant.details': 'Personal data',
  'enrollment.participant.membership': 'Membership and contributions',
  'enrollment.participant.masked':
    'Personal data is masked for your role (NIK, names, address, phone, bank accounts).',
  'enrollment.coverage.arrears': 'Months in arrears',
  'enrollment.coverage.noArrears': 'None',
  'enrollment.coverage.unavailable': 'The contribution standing cannot be shown: {reason}',
  'enrollment.income.caption': 'Declared income history',
  'enrollment.income.from': 'Applies from',
  'enrollment.income.title': 'Change the declared income',
  'enrollment.income.current': 'Declared income now: {income} a month.',
  'enrollment.income.submit': 'Save the new income',
  'enrollment.income.done': 'The declared income has been changed.',

  'enrollment.heirs.heading': 'Heirs',
  'enrollment.heirs.none': 'No heirs designated yet.',
  'enrollment.heirs.caption': 'Heirs: tier, bank account and payee',
  'enrollment.heirs.relationship': 'Relationship to the participant',
  'enrollment.heirs.relationshipHint':
    'The heir’s tier follows from this under the rules in force; the service determines it.',
  'enrollment.heirs.tier': 'Tier',
  'enrollment.heirs.tierValue': 'Tier {tier}',
  'enrollment.heirs.notEntitled': '(not entitled while a higher tier exists)',
  'enrollment.heirs.bankAccount': 'Bank account',
  'enrollment.heirs.payee': 'Payee',
  'enrollment.heirs.isPayee': 'Receives the benefits',
  'enrollment.heirs.orderNote':
    'Tier {tier} heirs are entitled (rule set {ruleSet}). The payee follows the platform’s order; at a claim the heirs may nominate another payee with the others’ consent.',
  'enrollment.heirs.noTier':
    'No heir in tiers 1–5 (rule set {ruleSet}): benefits other than the funeral grant go back to the social security fund.',
  'enrollment.heirs.title': 'Designate heirs',
  'enrollment.heirs.intro':
    'This list replaces the previous designation. Rows left empty are not saved.',
  'enrollment.heirs.payeeNote':
    'The enrollment service decides the payee by tier and relationship order; the participant’s page shows it once saved.',
  'enrollment.heirs.row': 'Heir {n}',
  'enrollment.heirs.rowField': 'Heir {n}: {field}',
  'enrollment.heirs.submit': 'Save the heirs',
  'enrollment.heirs.addRow': 'Add a row',
  'enrollment.heirs.done': 'The heirs have been designated.',

  'enrollment.children.heading': 'Children registered for scholarships',
  'enrollment.children.none': 'No child registered yet.',
  'enrollment.children.caption': 'Children registered for education scholarships',
  'enrollment.children.relationship': 'Child’s relationship',
  'enrollment.child.title': 'Register a child for scholarships',
  'enrollment.child.intro':
    'At most two children; the service refuses a third. Registered so far: {count}.',
  'enrollment.child.submit': 'Register the child',
  'enrollment.child.done': 'The child has been registered for scholarships.',

  'enrollment.details.title': 'Correct the participant’s details',
  'enrollment.details.intro':
    'Fill in only what is corrected. The NIK, birth date and sex cannot be corrected here.',
  'enrollment.details.now': 'Now: {value}',
  'enrollment.details.submit': 'Save the correction',
  'enrollment.details.done': 'The participant’s details have been corrected.',

  'enrollment.death.title': 'Record a death',
  'enrollment.death.intro':
    'Record a death the family or Dukcapil reported, from its death certificate (akta kematian). Once recorded, contributions stop being billed and JKK or JKM claims are checked against this date.',
  'enrollment.death.submit': 'Record the death',
  'enrollment.death.done': 'The participant’s death has been recorded.',
  'enrollment.field.dateOfDeath': 'Date of death',
  'enrollment.field.dateOfDeathHint': 'As on the death certificate.',
  'enrollment.field.deathCertificateReference': 'Death certificate (akta kematian) number',
  'enrollment.field.deathCertificateReferenceHint':
    'As written on the certificate, e.g. 5371-KM-10112026-0042.',

  'enrollment.register.title': 'Register a participant',
  'enrollment.register.intro': 'An informal (BPU) worker. Once registered, designate their heirs.',
  'enrollment.register.submit': 'Register',
  'enrollment.register.done': 'The participant is registered. Now designate their heirs.',
  'enrollment.register.already':
    'This NIK was already registered with the same details; this is that participant.',

  'enrollment.register.conflict':
    'This NIK is already registered with other details: this is that participant. Correct the details if needed.',
  'enrollment.form.for': 'Participant: {name} (NIK {nik})',
  'enrollment.form.choose': 'Choose…',

  'enrollment.history.heading': 'History',
  'enrollment.history.caption': 'The participant’s history, oldest first',
  'enrollment.history.when': 'When',
  'enrollment.history.what': 'What happened',
  'enrollment.history.who': 'By',
  'enrollment.history.system': 'The system',
  'enrollment.history.registered':
    'Registered: {name}, income {income} a month from {month}; {membership}.',
  'enrollment.history.corrected': 'Details corrected ({fields}). Reason: {reason}',
  'enrollment.history.incomeChanged':
    'Declared income changed from {previous} to {income} from {month}.',
  'enrollment.history.heirsDesignated': 'Heirs designated: {heirs}.',
  'enrollment.history.heirsCleared': 'The list of heirs was emptied.',
  'enrollment.history.heir': '{name} ({relationship})',
  'enrollment.history.childRegistered': 'Child registered for scholarships: {name}, born {date}.',
  'enrollment.history.deceased': 'Died on {date} (recorded from the death certificate on a claim).',
  'enrollment.history.deceasedReported':
    'Died on {date}, recorded by an enrollment officer from death certificate number {certificate}.',
  'enrollment.history.other': 'Event {type}.',

  'enrollment.problem.NIK_FORMAT': 'A NIK is exactly 16 digits.',
  'enrollment.problem.NIK_PROVINCE_UNKNOWN': 'The NIK’s province code is unknown.',
  'enrollment.problem.NIK_REGENCY_UNKNOWN': 'The NIK’s regency/city code is unknown.',
  'enrollment.problem.NIK_DISTRICT_INVALID': 'The NIK’s district code is not valid.',
  'enrollment.problem.NIK_DISTRICT_UNKNOWN': 'The NIK’s district code is unknown.',
  'enrollment.problem.NIK_DATE_INVALID': 'The birth date inside the NIK is not a real date.',
  'enrollment.problem.NIK_BIRTH_DATE_MISMATCH':
    'The birth date inside the NIK differs from the date of birth entered.',
  'enrollment.problem.NIK_SEX_MISMATCH': 'The NIK indicates the other sex (women: birth day + 40).',
  'enrollment.problem.NIK_SERIAL_INVALID': 'The NIK’s serial number is not valid (0000).',
  'enrollment.problem.NAME_BLANK': 'A name is required.',
  'enrollment.problem.DATE_INVALID': 'This date does not exist in the calendar.',
  'enrollment.problem.BIRTH_DATE_IN_FUTURE': 'A date of birth cannot be in the future.',
  'enrollment.problem.ADDRESS_REGENCY_UNKNOWN': 'This regency/city code is unknown.',
  'enrollment.problem.INCOME_NOT_INTEGER_RUPIAH': 'The income must be whole rupiah.',
  'enrollment.problem.INCOME_BELOW_FLOOR': 'The income is below the floor in force for that month.',
  'enrollment.problem.INCOME_ABOVE_CEILING':
    'The income is above the ceiling in force for that month.',
  'enrollment.problem.INCOME_EFFECTIVE_MONTH_INVALID':
    'This month cannot be accepted (it must be a real month, not before the latest income).',
  'enrollment.problem.PARTICIPANT_ALREADY_REGISTERED':
    'This NIK is already registered with other details. Find that participant and correct the details if needed.',
  'enrollment.problem.PARTICIPANT_DECEASED':
    'The participant has died; their data can no longer change.',
  'enrollment.problem.PARTICIPANT_NOT_REGISTERED': 'This participant is not registered.',
  'enrollment.problem.CORRECTION_EMPTY':
    'This correction changes nothing. Fill in what is corrected.',
  'enrollment.problem.HEIR_INVALID':
    'Every heir needs a name, a known relationship and a valid date of birth.',
  'enrollment.problem.CHILD_LIMIT_REACHED':
    'Two children are already registered for scholarships; no more can be added.',
  'enrollment.problem.CHILD_INVALID':
    'This child needs a name, or is already registered with other details.',
  'enrollment.problem.SEARCH_CRITERIA_MISSING': 'Enter a NIK or a name to search.',
  'enrollment.problem.DEATH_DATE_INVALID': 'This date of death does not exist in the calendar.',
  'enrollment.problem.DEATH_DATE_IN_FUTURE': 'A date of death cannot be after today.',
  'enrollment.problem.DEATH_DATE_BEFORE_BIRTH':
    'A date of death cannot be before the participant’s date of birth.',
  'enrollment.problem.DEATH_DATE_CONFLICT':
    'The participant’s death is already recorded on another date; correcting it is not done with this form.',
  'enrollment.problem.DEATH_CERTIFICATE_MISSING': 'Enter the death certificate number.',
};
