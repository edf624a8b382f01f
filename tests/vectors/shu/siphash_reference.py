# Independent SipHash-2-4 from the paper's description, for the pseudonym vector.
M=(1<<64)-1
def rotl(x,b): return ((x<<b)|(x>>(64-b)))&M
def sip(k0,k1,msg):
    v0=k0^0x736f6d6570736575; v1=k1^0x646f72616e646f6d; v2=k0^0x6c7967656e657261; v3=k1^0x7465646279746573
    def rnd():
        nonlocal v0,v1,v2,v3
        v0=(v0+v1)&M; v1=rotl(v1,13); v1^=v0; v0=rotl(v0,32)
        v2=(v2+v3)&M; v3=rotl(v3,16); v3^=v2
        v0=(v0+v3)&M; v3=rotl(v3,21); v3^=v0
        v2=(v2+v1)&M; v1=rotl(v1,17); v1^=v2; v2=rotl(v2,32)
    b=len(msg)
    n=b - b%8
    for i in range(0,n,8):
        m=int.from_bytes(msg[i:i+8],'little'); v3^=m; rnd(); rnd(); v0^=m
    m=int.from_bytes(msg[n:]+bytes(8-(b-n)),'little') | ((b&0xff)<<56)
    v3^=m; rnd(); rnd(); v0^=m; v2^=0xff
    for _ in range(4): rnd()
    return v0^v1^v2^v3
key=bytes(range(16)); k0=int.from_bytes(key[:8],'little'); k1=int.from_bytes(key[8:],'little')
assert sip(k0,k1,bytes(range(15)))==0xa129ca6149be45e5
assert sip(k0,k1,b'')==0x726fdb47dd0e0e31
def pseudo(p,i):
    k0=sip(0,0,b"koperasi-shu-k0:"+p.encode()); k1=sip(0,0,b"koperasi-shu-k1:"+p.encode())
    return "M-%016x"%sip(k0,k1,i.strip().encode())
for i in ["A-001","A-002","0001"]: print(i, pseudo("rahasia koperasi",i))
