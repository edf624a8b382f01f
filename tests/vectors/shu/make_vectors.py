#!/usr/bin/env python3
"""Writes the SHU vector files beside it. Expected values are typed in from DOMAIN.md 3.4 and hand
computation (checked by reference.py), never taken from the Rust output. Run from this folder."""
import json
def rp(x): return x*100
def line(c, bp, base=None):
    d={"component":c,"basis_points":bp}
    if base: d["base"]=base
    return d
def mem(i, savings=None, tx=None, **kw):
    d={"id":i,"savings":{k:rp(v) for k,v in (savings or {}).items()},"transactions":{k:rp(v) for k,v in (tx or {}).items()}}
    d.update(kw); return d

# ---------------- DOMAIN 3.4 ----------------
t1_plan={"components":[line("jasa_modal",3000,"capital"),line("jasa_pinjaman",2000,"loans"),line("cadangan",5000)]}
t2_plan={"components":[line("jasa_usaha",2500,"loans"),line("jasa_modal",2000,"capital"),line("cadangan",5500)]}
t4_plan={"components":[line("jasa_modal",2500,"capital"),line("jasa_penjualan",2000,"purchases"),line("jasa_pinjaman",2000,"loans"),line("cadangan",3500)]}
n1_plan={"components":[line("jasa_modal",2000,"capital"),line("jasa_usaha",3000,"purchases"),line("cadangan",5000)]}
def with_(p, **kw): q=dict(p); q.update(kw); return q
cases=[
 {"name":"T1 Koperasi Sinar Jaya: JM 37,500 + JP 48,000 = 85,500","function":"shu_distribute",
  "args":{"plan":t1_plan,"shu_sen":rp(5_000_000),"book_year":2024,"members":[
     mem("member",{"wajib":500_000},{"loans":600_000}),
     mem("all other members",{"wajib":19_500_000},{"loans":11_900_000})]},
  "expected":{"pools":[{"amount":rp(1_500_000),"total_base":rp(20_000_000),"undistributed":0},
                       {"amount":rp(1_000_000),"total_base":rp(12_500_000),"undistributed":0}],
              "members":[{"member_id":"member","amounts":[rp(37_500),rp(48_000)],"total":rp(85_500)},
                         {"member_id":"all other members","amounts":[rp(1_462_500),rp(952_000)],"total":rp(2_414_500)}],
              "retained":rp(2_500_000),"distributed":rp(2_500_000),"undistributed":0}},
 {"name":"T2 Koperasi Alis Jaya: JU 1,000,000 + JM 240,000 = 1,240,000; sukarela not capital by default","function":"shu_distribute",
  "args":{"plan":t2_plan,"shu_sen":rp(60_000_000),"book_year":2024,"members":[
     mem("member",{"pokok":200_000,"wajib":1_800_000,"sukarela":1_000_000},{"loans":5_000_000}),
     mem("all other members",{"pokok":9_800_000,"wajib":88_200_000},{"loans":70_000_000})]},
  "expected":{"pools":[{"amount":rp(15_000_000),"total_base":rp(75_000_000)},{"amount":rp(12_000_000),"total_base":rp(100_000_000)}],
              "members":[{"member_id":"member","bases":[rp(5_000_000),rp(2_000_000)],"amounts":[rp(1_000_000),rp(240_000)],"total":rp(1_240_000)},
                         {"member_id":"all other members","total":rp(25_760_000)}]}},
 {"name":"T4 kotaksoal: 500,000 + 25,000 + 200,000 = 725,000","function":"shu_distribute",
  "args":{"plan":t4_plan,"shu_sen":rp(5_000_000),"book_year":2024,"members":[
     mem("member",{"pokok":100_000,"wajib":7_900_000},{"purchases":1_000_000,"loans":2_400_000}),
     mem("all other members",{"pokok":900_000,"wajib":11_100_000},{"purchases":39_000_000,"loans":9_600_000})]},
  "expected":{"allocation":{"lines":[{"component":"jasa_modal","amount":rp(1_250_000)},{"component":"jasa_penjualan","amount":rp(1_000_000)},
                                      {"component":"jasa_pinjaman","amount":rp(1_000_000)},{"component":"cadangan","amount":rp(1_750_000)}],"unallocated":0},
              "members":[{"member_id":"member","amounts":[rp(500_000),rp(25_000),rp(200_000)],"total":rp(725_000)},{"member_id":"all other members","amounts":[rp(750_000),rp(975_000),rp(800_000)],"total":rp(2_525_000)}]}},
 {"name":"N1 Maju Bersama: 266,666.67 + 240,000 = 506,666.67 (the published 5,066,667 is wrong by x10); floor then largest remainder","function":"shu_distribute",
  "args":{"plan":n1_plan,"shu_sen":rp(20_000_000),"book_year":2024,"members":[
     mem("member",{"wajib":2_000_000},{"purchases":2_000_000}),
     mem("all other members",{"wajib":28_000_000},{"purchases":48_000_000})]},
  "expected":{"pools":[{"amount":rp(4_000_000),"distributed":rp(4_000_000),"undistributed":0,"adjusted":1},{"amount":rp(6_000_000),"adjusted":0}],
              "members":[{"member_id":"member","amounts":[26_666_667,rp(240_000)],"total":50_666_667},
                         {"member_id":"all other members","amounts":[373_333_333,rp(5_760_000)],"total":949_333_333}]}},
 {"name":"N1 with half-up rounding, not reconciled: also 506,666.67","function":"shu_distribute",
  "args":{"plan":with_(n1_plan,rounding="half_up",reconcile=False),"shu_sen":rp(20_000_000),"book_year":2024,"members":[
     mem("member",{"wajib":2_000_000},{"purchases":2_000_000}),
     mem("all other members",{"wajib":28_000_000},{"purchases":48_000_000})]},
  "expected":{"members":[{"member_id":"member","total":50_666_667},{"member_id":"all other members","total":949_333_333}],"undistributed":0}},
 {"name":"N1 with floor, not reconciled: 506,666.66 and one sen undistributed, reported","function":"shu_distribute",
  "args":{"plan":with_(n1_plan,reconcile=False),"shu_sen":rp(20_000_000),"book_year":2024,"members":[
     mem("member",{"wajib":2_000_000},{"purchases":2_000_000}),
     mem("all other members",{"wajib":28_000_000},{"purchases":48_000_000})]},
  "expected":{"pools":[{"undistributed":1,"reason":"rounding_remainder"},{"undistributed":0}],
              "members":[{"member_id":"member","total":50_666_666},{"member_id":"all other members","total":949_333_333}],"undistributed":1}},
 {"name":"N1 paid in whole rupiah (granularity 100): 266,667 by largest remainder","function":"shu_distribute",
  "args":{"plan":with_(n1_plan,granularity_sen=100),"shu_sen":rp(20_000_000),"book_year":2024,"members":[
     mem("member",{"wajib":2_000_000},{"purchases":2_000_000}),
     mem("all other members",{"wajib":28_000_000},{"purchases":48_000_000})]},
  "expected":{"members":[{"member_id":"member","amounts":[rp(266_667),rp(240_000)]},{"member_id":"all other members","amounts":[rp(3_733_333),rp(5_760_000)]}],"undistributed":0}},
]
json.dump({"description":"DOMAIN.md 3.4 worked examples T1, T2, T4 and the corrected N1, as full distributions (the member of the example plus one member standing for all the others, so the totals match the example's)",
  "source":"DOMAIN.md 3.4 (roboguru.ruangguru.com; beritaharianku.com; kotaksoal.pages.dev/post/10883792; brilio.net corrected); recomputed with tests/vectors/shu/reference.py (Fraction arithmetic)",
  "cases":cases}, open("domain_examples.json","w"), indent=1, ensure_ascii=False)

# ---------------- rounding ----------------
def ap(name,total,bases,pol,rec,amounts,und,g=None):
    a={"total_sen":total,"bases":bases,"rounding":pol,"reconcile":rec}
    if g: a["granularity_sen"]=g
    return {"name":name,"function":"shu_apportion","args":a,"expected":{"amounts":amounts,"undistributed":und}}
cases=[
 ap("three equal members share 100 sen: 34/33/33, the earlier member first",100,[1,1,1],"floor",True,[34,33,33],0),
 ap("three equal members, not reconciled: 33 each, 1 sen undistributed",100,[1,1,1],"floor",False,[33,33,33],1),
 ap("10 sen by 1:3 (2.5 / 7.5), floor",10,[1,3],"floor",False,[2,7],1),
 ap("10 sen by 1:3, half-up pays 11: over by one, reported as -1",10,[1,3],"half_up",False,[3,8],-1),
 ap("10 sen by 1:3, half-even (2.5 -> 2, 7.5 -> 8)",10,[1,3],"half_even",False,[2,8],0),
 ap("10 sen by 1:3, floor + largest remainder: equal remainders, the larger base gets the sen",10,[1,3],"floor",True,[2,8],0),
 ap("10 sen by 1:3, half-up + reconcile: the unit is taken back from the smaller base",10,[1,3],"half_up",True,[2,8],0),
 ap("5 sen between two equal members, half-up reconciled: the later member gives the sen back",5,[1,1],"half_up",True,[3,2],0),
 ap("7 sen between two, half-even: 3.5 -> 4 each, over by one",7,[1,1],"half_even",False,[4,4],-1),
 ap("2 sen among four equal, half-up reconciled: the last two give back",2,[1,1,1,1],"half_up",True,[1,1,0,0],0),
 ap("whole rupiah: 10,001 sen among three equal, granularity 100: 1 sen undistributed",10_001,[1,1,1],"floor",True,[3400,3300,3300],1,100),
 ap("zero total base: everything undistributed",100,[0,0],"floor",True,[0,0],100),
 ap("no holders at all: everything undistributed",100,[],"floor",True,[],100),
 ap("zero bases get zero",1000,[0,5,3,2,0],"half_even",True,[0,500,300,200,0],0),
 {"name":"a negative base is an error","function":"shu_apportion","args":{"total_sen":100,"bases":[1,-1],"rounding":"floor","reconcile":True},"error":"shu_negative_base"},
 {"name":"a negative total is an error","function":"shu_apportion","args":{"total_sen":-100,"bases":[1,1],"rounding":"floor","reconcile":True},"error":"shu_negative"},
 {"name":"granularity 0 is an error","function":"shu_apportion","args":{"total_sen":100,"bases":[1,1],"rounding":"floor","reconcile":True,"granularity_sen":0},"error":"shu_granularity"},
]
json.dump({"description":"shu_apportion: exact shares, rounding policies (floor, half_up, half_even), largest-remainder reconciliation and its tie order (larger remainder, larger base, earlier position; the reverse when taking back), zero bases, granularity",
  "source":"hand computation; checked by tests/vectors/shu/reference.py (Fraction arithmetic)","cases":cases}, open("rounding.json","w"), indent=1)

# ---------------- plans & allocation ----------------
textbook={"components":[line("cadangan",4000),line("jasa_anggota",4000,"purchases"),line("dana_pengurus",500),line("dana_karyawan",500),line("dana_pendidikan",500),line("dana_sosial",500),line("dana_pembangunan_daerah_kerja",500)]}
good={"components":[line("cadangan",4000),line("jasa_modal",2000,"capital"),line("jasa_usaha",2500,"purchases"),line("dana_pengurus",500),line("dana_karyawan",500),line("dana_pendidikan",250),line("dana_sosial",250)]}
cases=[
 {"name":"the textbook list 40+40+5x5 % sums to 10,500 bp: refused","function":"shu_allocate","args":{"plan":textbook,"shu_sen":rp(1_000_000)},"error":"shu_plan_sum"},
 {"name":"a plan of 9,999 bp: refused","function":"shu_allocate","args":{"plan":{"components":[line("cadangan",9999)]},"shu_sen":rp(1_000_000)},"error":"shu_plan_sum"},
 {"name":"an empty plan","function":"shu_allocate","args":{"plan":{"components":[]},"shu_sen":100},"error":"shu_plan_empty"},
 {"name":"a component twice","function":"shu_allocate","args":{"plan":{"components":[line("cadangan",5000),line("Dana Cadangan",5000)]},"shu_sen":100},"error":"shu_plan_duplicate"},
 {"name":"a negative SHU (loss) is not distributed","function":"shu_allocate","args":{"plan":good,"shu_sen":-rp(1_000_000)},"error":"shu_negative"},
 {"name":"allocation of Rp 60,000,000 by a plan summing to 100 %","function":"shu_allocate","args":{"plan":good,"shu_sen":rp(60_000_000)},
  "expected":{"shu":rp(60_000_000),"member_shu":rp(60_000_000),"non_member_shu":0,"unallocated":0,"lines":[
    {"component":"cadangan","amount":rp(24_000_000),"source":"member"},{"component":"jasa_modal","base":"capital","amount":rp(12_000_000)},
    {"component":"jasa_usaha","amount":rp(15_000_000)},{"component":"dana_pengurus","amount":rp(3_000_000)},
    {"component":"dana_karyawan","amount":rp(3_000_000)},{"component":"dana_pendidikan","amount":rp(1_500_000)},{"component":"dana_sosial","amount":rp(1_500_000)}]}},
 {"name":"3 sen by 40/20/25/5/5/2.5/2.5 %: floor + largest remainder gives the sen to the largest remainders","function":"shu_allocate","args":{"plan":good,"shu_sen":3},
  "expected":{"unallocated":0,"lines":[{"amount":1},{"amount":1},{"amount":1},{"amount":0},{"amount":0},{"amount":0},{"amount":0}]}},
 {"name":"member / non-member split (DOMAIN 3.1): non-member SHU all to cadangan by default","function":"shu_allocate","args":{"plan":good,"shu_sen":rp(10_000_000),"non_member_shu_sen":rp(2_000_000)},
  "expected":{"member_shu":rp(8_000_000),"non_member_shu":rp(2_000_000),"unallocated":0,"lines":[
    {"component":"cadangan","amount":rp(3_200_000),"source":"member"},{"component":"jasa_modal","amount":rp(1_600_000)},{"component":"jasa_usaha","amount":rp(2_000_000)},
    {"amount":rp(400_000)},{"amount":rp(400_000)},{"amount":rp(200_000)},{"amount":rp(200_000)},
    {"component":"cadangan","source":"non_member","basis_points":10000,"amount":rp(2_000_000)}]}},
 {"name":"non-member SHU by its own components","function":"shu_allocate","args":{"plan":dict(good,non_member_components=[line("cadangan",7000),line("dana_pendidikan",3000)]),"shu_sen":rp(10_000_000),"non_member_shu_sen":rp(1_000_000)},
  "expected":{"lines":[{},{},{},{},{},{},{},{"component":"cadangan","source":"non_member","amount":rp(700_000)},{"component":"dana_pendidikan","source":"non_member","amount":rp(300_000)}]}},
 {"name":"a non-member line cannot be a member pool","function":"shu_allocate","args":{"plan":dict(good,non_member_components=[line("jasa_usaha",10000,"purchases")]),"shu_sen":100,"non_member_shu_sen":10},"error":"shu_plan_invalid"},
 {"name":"non-member SHU above the whole SHU","function":"shu_allocate","args":{"plan":good,"shu_sen":100,"non_member_shu_sen":101},"error":"shu_non_member"},
 {"name":"a plan from TOML with the defaults filled in","function":"shu_plan_from_toml","args":{"text":"name = \"Contoh\"\n[[components]]\ncomponent = \"Cadangan\"\nbasis_points = 6000\n[[components]]\ncomponent = \"JMA\"\nbasis_points = 4000\nbase = \"capital\"\n"},
  "expected":{"name":"Contoh","components":[{"component":"cadangan","basis_points":6000},{"component":"jasa_modal","basis_points":4000,"base":"capital"}],
              "capital_savings":["pokok","wajib"],"rounding":"floor","reconcile":True,"granularity_sen":1}},
 {"name":"a TOML plan summing to 10,500 bp","function":"shu_plan_from_toml","args":{"text":"[[components]]\ncomponent = \"cadangan\"\nbasis_points = 10500\n"},"error":"shu_plan_sum"},
 {"name":"a TOML plan with a misspelt key (`bas` for `base`): refused, not dropped","function":"shu_plan_from_toml","args":{"text":"[[components]]\ncomponent = \"cadangan\"\nbasis_points = 8000\n[[components]]\ncomponent = \"jasa_modal\"\nbasis_points = 2000\nbas = \"capital\"\n"},"error":"shu_plan_parse"},
 {"name":"a TOML plan with a misspelt top-level key (`bookyear`): refused","function":"shu_plan_from_toml","args":{"text":"bookyear = 2024\n[[components]]\ncomponent = \"cadangan\"\nbasis_points = 10000\n"},"error":"shu_plan_parse"},
 {"name":"a TOML plan with an unknown rounding","function":"shu_plan_from_toml","args":{"text":"rounding = \"up\"\n[[components]]\ncomponent = \"cadangan\"\nbasis_points = 10000\n"},"error":"shu_plan_parse"},
]
json.dump({"description":"allocation plans: exactly 10,000 bp, the textbook 105 % list refused, member / non-member split, allocation amounts",
  "source":"DOMAIN.md 3.1, 3.2; hand computation","cases":cases}, open("plans.json","w"), indent=1)

# ---------------- members ----------------
simple={"components":[line("jasa_modal",5000,"capital"),line("jasa_usaha",3000,"sales"),line("cadangan",2000)]}
cases=[
 {"name":"membership on the closing date: left on 31 Dec counts, left on 30 Dec and joined in January do not","function":"shu_distribute",
  "args":{"plan":simple,"shu_sen":1000,"book_year":2024,"members":[
     mem("A",{"pokok":1},{"sales":0},leave_date="2024-12-31"),mem("B",{"pokok":1},leave_date="2024-12-30"),
     mem("C",{"pokok":1},join_date="2025-01-01"),mem("D",{"pokok":1},join_date="2024-12-31")]},
  "expected":{"members_counted":2,"members_excluded":2,
   "members":[{"member_id":"A","amounts":[250,0]},{"member_id":"B","excluded":"left_before_year_end","amounts":[0,0],"total":0},
              {"member_id":"C","excluded":"joined_after_year_end","total":0},{"member_id":"D","amounts":[250,0]}],
   "pools":[{"component":"jasa_modal","total_base":200,"distributed":500,"undistributed":0},
            {"component":"jasa_usaha","base":"sales","total_base":0,"distributed":0,"undistributed":300,"reason":"zero_total_base"}],
   "retained":200,"distributed":500,"undistributed":300}},
 {"name":"three equal members share a pool of 100 sen: 34/33/33","function":"shu_distribute",
  "args":{"plan":{"components":[line("jasa_modal",10000,"capital")]},"shu_sen":100,"book_year":2024,"members":[
     mem("X",{"wajib":50_000}),mem("Y",{"wajib":50_000}),mem("Z",{"wajib":50_000})]},
  "expected":{"members":[{"member_id":"X","total":34},{"member_id":"Y","total":33},{"member_id":"Z","total":33}],"undistributed":0}},
 {"name":"capital_savings with sukarela (brilio convention)","function":"shu_distribute",
  "args":{"plan":{"components":[line("jasa_modal",10000,"capital")],"capital_savings":["pokok","wajib","sukarela"]},"shu_sen":900,"book_year":2024,"members":[
     mem("X",{"pokok":1,"sukarela":1}),mem("Y",{"wajib":1})]},
  "expected":{"members":[{"member_id":"X","bases":[200],"total":600},{"member_id":"Y","total":300}]}},
 {"name":"no members: every pool undistributed with its reason","function":"shu_distribute",
  "args":{"plan":simple,"shu_sen":1000,"book_year":2024,"members":[]},
  "expected":{"members":[],"pools":[{"undistributed":500,"reason":"zero_total_base"},{"undistributed":300,"reason":"zero_total_base"}],"retained":200,"undistributed":800}},
 {"name":"a duplicate member id","function":"shu_distribute","args":{"plan":simple,"shu_sen":1000,"book_year":2024,"members":[mem("A"),mem("A")]},"error":"shu_duplicate_member"},
 {"name":"a negative savings balance","function":"shu_distribute","args":{"plan":simple,"shu_sen":1000,"book_year":2024,"members":[mem("A",{"wajib":-1},{"sales":0})]},"error":"shu_negative_base"},
 {"name":"a pool base no member provides (`intrest` for `interest`): an error, not an undistributed pool","function":"shu_distribute",
  "args":{"plan":{"components":[line("jasa_pinjaman",5000,"intrest"),line("cadangan",5000)]},"shu_sen":1000,"book_year":2024,"members":[mem("A",{"wajib":1},{"interest":1})]},"error":"shu_unknown_base"},
 {"name":"a capital savings kind no member provides (`wajbi`): an error, not silently dropped","function":"shu_distribute",
  "args":{"plan":{"components":[line("jasa_modal",10000,"capital")],"capital_savings":["pokok","wajbi"]},"shu_sen":1000,"book_year":2024,"members":[mem("A",{"pokok":1,"wajib":3})]},"error":"shu_unknown_base"},
 {"name":"a base that exists but is 0 for every member: undistributed with its reason","function":"shu_distribute",
  "args":{"plan":{"components":[line("jasa_pinjaman",5000,"interest"),line("cadangan",5000)]},"shu_sen":1000,"book_year":2024,"members":[mem("A",{"wajib":1},{"interest":0}),mem("B",{"wajib":1},{"interest":0})]},
  "expected":{"pools":[{"base":"interest","total_base":0,"distributed":0,"undistributed":500,"reason":"zero_total_base"}],"retained":500,"undistributed":500}},
 {"name":"pokok in the default capital_savings may be absent when wajib is there (a register without a pokok column)","function":"shu_distribute",
  "args":{"plan":{"components":[line("jasa_modal",10000,"capital")]},"shu_sen":300,"book_year":2024,"members":[mem("A",{"wajib":1}),mem("B",{"wajib":2})]},
  "expected":{"members":[{"member_id":"A","total":100},{"member_id":"B","total":200}],"undistributed":0}},
 {"name":"a negative SHU","function":"shu_distribute","args":{"plan":simple,"shu_sen":-1,"book_year":2024,"members":[mem("A")]},"error":"shu_negative"},
 {"name":"pseudonym: SipHash-2-4 keyed by the passphrase (independent Python implementation)","function":"shu_pseudonym","args":{"key":"rahasia koperasi","member_id":"A-001"},"expected":"M-df17b25a62353418"},
 {"name":"pseudonym of another id","function":"shu_pseudonym","args":{"key":"rahasia koperasi","member_id":"0001"},"expected":"M-11e6e604f7792865"},
 {"name":"pseudonym with an empty key","function":"shu_pseudonym","args":{"key":"","member_id":"0001"},"error":"shu_empty_key"},
 {"name":"read a member CSV: Indonesian headers, money text, a rejected row without its name","function":"shu_read_members",
  "args":{"text":"No Anggota;Nama;Tanggal Masuk;Tanggal Keluar;Simpanan Pokok;Simpanan Wajib;Penjualan\nA-001;Siti Aminah;1 Maret 2019;;Rp 100.000;1.200.000;\"2,5 jt\"\nA-002;Budi;;31/12/2024;100.000;-;\nA-003;Wati;;;seratus;;\n".replace(";",",")},
  "expected":{"members":[{"id":"A-001","name":"Siti Aminah","join_date":"2019-03-01","savings":{"pokok":10_000_000,"wajib":120_000_000},"transactions":{"sales":250_000_000},"source_line":2},
                         {"id":"A-002","leave_date":"2024-12-31","savings":{"pokok":10_000_000},"transactions":{}}],
              "report":{"rows_read":3,"accepted":2,"rejected":[{"line":4,"column":"Simpanan Pokok","value":"<redacted>","code":"number_not_a_number","fields":["A-003","<redacted>","","","<redacted>","",""]}]}}},
 {"name":"read a member CSV: only recognised non-personal cells are shown in a rejection (another person's name in a date column, a note column), a cell without letters is","function":"shu_read_members",
  "args":{"text":"No Anggota,Nama,Tanggal Masuk,Simpanan Wajib,Catatan\nA-1,Siti,Budi Santoso,100.000,ahli waris Wati\nA-2,Tono,31/02/2024,100.000,x\n"},
  "expected":{"members":[],
              "report":{"rows_read":2,"accepted":0,"rejected":[{"line":2,"column":"Tanggal Masuk","value":"<redacted>","code":"date_unrecognised","fields":["A-1","<redacted>","<redacted>","100.000","<redacted>"]},
                                                               {"line":3,"column":"Tanggal Masuk","value":"31/02/2024","code":"date_invalid","fields":["A-2","<redacted>","31/02/2024","100.000","<redacted>"]}]}}},
 {"name":"read a member CSV: a leave date before the join date rejects the row","function":"shu_read_members",
  "args":{"text":"No Anggota,Tanggal Masuk,Tanggal Keluar,Simpanan Wajib\nA-1,1 Maret 2020,,1\nA-2,1 Maret 2020,1 Februari 2020,1\nA-3,1 Maret 2020,1 Maret 2020,1\n"},
  "expected":{"members":[{"id":"A-1"},{"id":"A-3","join_date":"2020-03-01","leave_date":"2020-03-01"}],
              "report":{"rows_read":3,"accepted":2,"rejected":[{"line":3,"code":"leave_before_join"}]}}},
 {"name":"read a member CSV: two columns of one savings kind whose sum overflows i64 sen: the row is rejected, not clamped","function":"shu_read_members",
  "args":{"text":"No Anggota,Simpanan Khusus,Savings Khusus\nA-1,1,2\nA-2,90.000.000.000.000.000,90.000.000.000.000.000\n"},
  "expected":{"members":[{"id":"A-1","savings":{"khusus":300}}],
              "report":{"rows_read":2,"accepted":1,"rejected":[{"line":3,"column":"Savings Khusus","code":"amount_overflow"}]}}},
]
json.dump({"description":"members: membership on the book year's closing date, zero bases, the 34/33/33 case, capital savings kinds, member errors, pseudonyms, reading a member CSV",
  "source":"DOMAIN.md 3.3, 3.5; docs/DOMAIN.md 3.6 (conventions of this library); hand computation; pseudonyms by tests/vectors/shu/reference.py's sibling check (independent Python SipHash-2-4)","cases":cases}, open("members.json","w"), indent=1, ensure_ascii=False)
