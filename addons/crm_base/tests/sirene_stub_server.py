"""A local HTTP server answering like recherche-entreprises.api.gouv.fr /search.

    with SireneStubServer() as stub:
        client = SireneClient(stub.url, timeout=2)
        stub.mode = "slow"      # or "429", "500", "bad_json", "ok"

The companies below are fictitious but valid (SIREN/SIRET check digits) and
shaped like real answers: the fields we read and the ones we ignore.
No odoo import: used by the logic tests and by the Odoo tests.
"""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


def _etab(siret, numero, type_voie, voie, code_postal, commune, code_commune,
          naf, tranche, date_creation, complement=None, indice=None, siege=True):
    adresse = " ".join(p for p in [complement, numero, indice, type_voie, voie,
                                   code_postal, commune] if p)
    return {
        "activite_principale": naf,
        "activite_principale_registre_metier": None,
        "adresse": adresse,
        "cedex": None,
        "code_pays_etranger": None,
        "code_postal": code_postal,
        "commune": code_commune,
        "complement_adresse": complement,
        "coordonnees": "48.8,2.3",
        "date_creation": date_creation,
        "date_debut_activite": date_creation,
        "date_fermeture": None,
        "date_mise_a_jour": None,
        "date_mise_a_jour_insee": "2024-03-22T14:26:06",
        "departement": code_postal[:2],
        "distribution_speciale": None,
        "epci": "200054781",
        "est_siege": siege,
        "etat_administratif": "A",
        "geo_adresse": adresse,
        "geo_id": code_commune + "_0001",
        "indice_repetition": indice,
        "latitude": "48.8",
        "libelle_cedex": None,
        "libelle_commune": commune,
        "libelle_commune_etranger": None,
        "libelle_pays_etranger": None,
        "libelle_voie": voie,
        "liste_enseignes": None,
        "liste_finess": None,
        "liste_id_bio": None,
        "liste_idcc": None,
        "liste_id_organisme_formation": None,
        "liste_rge": None,
        "liste_uai": None,
        "longitude": "2.3",
        "nom_commercial": None,
        "numero_voie": numero,
        "region": "11",
        "siret": siret,
        "statut_diffusion_etablissement": "O",
        "tranche_effectif_salarie": tranche,
        "type_voie": type_voie,
    }


def _company(siren, nom, nature, naf, tranche, date_creation, siege, etat="A",
             others=(), sigle=None):
    return {
        "siren": siren,
        "nom_complet": nom + (" (%s)" % sigle if sigle else ""),
        "nom_raison_sociale": nom,
        "sigle": sigle,
        "nombre_etablissements": 1 + len(others),
        "nombre_etablissements_ouverts": 1 + len(others),
        "siege": siege,
        "activite_principale": naf,
        "categorie_entreprise": "PME",
        "annee_categorie_entreprise": "2021",
        "date_creation": date_creation,
        "date_fermeture": None if etat == "A" else "2022-12-31",
        "date_mise_a_jour": "2024-03-30T08:05:17",
        "date_mise_a_jour_insee": "2024-03-22T14:26:06",
        "date_mise_a_jour_rne": "2024-03-10T11:39:49",
        "dirigeants": [{"nom": "MARTIN", "prenoms": "CLAIRE", "annee_de_naissance": "1978",
                        "qualite": "Président de SAS", "nationalite": "Française",
                        "type_dirigeant": "personne physique"}],
        "etat_administratif": etat,
        "nature_juridique": nature,
        "section_activite_principale": "J",
        "tranche_effectif_salarie": tranche,
        "annee_tranche_effectif_salarie": "2021",
        "statut_diffusion": "O",
        "matching_etablissements": [],
        "_other_etablissements": list(others),
        "finances": {"2022": {"ca": 1520000, "resultat_net": 84000}},
        "complements": {"est_ess": False, "est_rge": False, "est_service_public": False,
                        "identifiant_association": None, "convention_collective_renseignee": True},
    }


NUMERIA_BRANCH = _etab("73282932000082", "4", "PL", "BELLECOUR", "69002", "LYON",
                       "69382", "62.01Z", "03", "2019-09-01", siege=False)

COMPANIES = [
    _company("732829320", "NUMERIA CONSEIL", "5710", "62.01Z", "12", "2015-03-02",
             _etab("73282932000074", "12", "BD", "DE LA LIBERTE", "35000", "RENNES",
                   "35238", "62.01Z", "12", "2015-03-02", complement="BATIMENT B",
                   indice="B"),
             others=[NUMERIA_BRANCH], sigle="NC"),
    _company("552100554", "ATELIERS DU LITTORAL", "5499", "33.12Z", "21", "1998-06-15",
             _etab("55210055400013", "3", "RTE", "DU PORT", "17000", "LA ROCHELLE",
                   "17300", "33.12Z", "21", "1998-06-15")),
    _company("542065479", "ASSOCIATION LES AMIS DU LIVRE", "9220", "94.99Z", "NN", "2003-10-01",
             _etab("54206547900017", "7", "RUE", "VICTOR HUGO", "33000", "BORDEAUX",
                   "33063", "94.99Z", "NN", "2003-10-01")),
    _company("130025265", "CONSEIL DEPARTEMENTAL DU NORD", "7220", "84.11Z", "42", "1982-01-01",
             _etab("13002526500013", "51", "RUE", "GUSTAVE DELORY", "59000", "LILLE",
                   "59350", "84.11Z", "42", "1982-01-01")),
    _company("404833048", "NUMERIA HOLDING", "5720", "70.10Z", "00", "1996-02-01",
             _etab("40483304800022", "1", "AV", "DES CHAMPS-ELYSEES", "75008", "PARIS",
                   "75108", "70.10Z", "00", "1996-02-01"),
             etat="C"),
]


def search(q, page=1, per_page=10):
    """What the real /search would answer for these companies (status, body)."""
    q = (q or "").strip()
    if len(q) < 3:
        return 400, {"erreur": "Veuillez indiquer au moins un paramètre de recherche, "
                               "le paramètre `q` doit contenir au moins 3 caractères."}
    if per_page > 25:
        return 400, {"erreur": "Veuillez indiquer un paramètre `per_page` entre 1 et 25."}
    found = []
    for company in COMPANIES:
        etabs = [company["siege"]] + company["_other_etablissements"]
        answer = {k: v for k, v in company.items() if not k.startswith("_")}
        if q.isdigit() and len(q) == 14:
            matching = [e for e in etabs if e["siret"] == q]
            if not matching:
                continue
            answer["matching_etablissements"] = matching
        elif q.isdigit() and len(q) == 9:
            if company["siren"] != q:
                continue
            answer["matching_etablissements"] = [company["siege"]]
        else:
            words = q.upper().split()
            if not all(w in company["nom_complet"] for w in words):
                continue
            answer["matching_etablissements"] = [company["siege"]]
        found.append(answer)
    start = (page - 1) * per_page
    total_pages = max(1, -(-len(found) // per_page))
    return 200, {"results": found[start:start + per_page], "total_results": len(found),
                 "page": page, "per_page": per_page, "total_pages": total_pages}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        stub = self.server.stub
        url = urlparse(self.path)
        params = parse_qs(url.query)
        stub.requests.append({"path": url.path, "params": params})
        mode = stub.mode
        if mode == "slow":
            time.sleep(stub.delay)
        if mode == "429":
            return self._send(429, {"erreur": "Trop de requêtes, veuillez réessayer plus tard."})
        if mode == "500":
            return self._send(502, b"<html><body>502 Bad Gateway</body></html>", "text/html")
        if mode == "bad_json":
            return self._send(200, b"<html>maintenance</html>", "text/html")
        if url.path != "/search":
            return self._send(404, {"erreur": "Not found"})
        try:
            page = int(params.get("page", ["1"])[0])
            per_page = int(params.get("per_page", ["10"])[0])
        except ValueError:
            return self._send(400, {"erreur": "Paramètres invalides."})
        status, body = search(params.get("q", [""])[0], page, per_page)
        return self._send(status, body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client that gave up (timeout test) closed the socket: not an error here
        pass


class SireneStubServer(object):
    def __init__(self, mode="ok", delay=2.0):
        self.mode = mode
        self.delay = delay
        self.requests = []
        self.httpd = None
        self.thread = None

    @property
    def url(self):
        return "http://127.0.0.1:%s" % self.httpd.server_address[1]

    def start(self):
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.stub = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


if __name__ == "__main__":  # python sirene_stub_server.py: serve on a free port
    server = SireneStubServer().start()
    print("SIRENE stub on %s" % server.url)  # pylint: disable=print-used
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
