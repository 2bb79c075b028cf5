# -*- coding: utf-8 -*-
"""The demo tickets: 80 French requests over the last three months, in every
state, with the customer's message and the team's answers, dated over the
period; ratings on the solved ones and NPS answers. Made at demo install
only (demo/crm_helpdesk_demo.xml), fast: no mail sent, no tracking."""
import random
from datetime import datetime, timedelta

from odoo import api, fields, models

# (team, category, subject, the customer's message, the team's answer)
REQUESTS = [
    ("client", "facturation", "Facture en double pour la commande de mars",
     "Bonjour, j'ai reçu deux factures pour la même commande. Pouvez-vous annuler l'une "
     "des deux ?", "Bonjour, c'est corrigé : la seconde facture est annulée par un avoir."),
    ("client", "facturation", "Demande d'avoir sur la facture",
     "Un article manquait à la livraison mais il est facturé.",
     "Nous avons émis l'avoir correspondant, vous le recevrez par courriel."),
    ("client", "facturation", "Changement d'adresse de facturation",
     "Notre siège a déménagé, merci de mettre à jour l'adresse de facturation.",
     "L'adresse est mise à jour pour vos prochaines factures."),
    ("client", "livraison", "Colis non reçu",
     "Le suivi indique « livré » mais nous n'avons rien reçu à l'accueil.",
     "Nous avons ouvert une enquête auprès du transporteur."),
    ("client", "livraison", "Livraison partielle",
     "Il manque deux cartons sur les cinq annoncés.",
     "Les deux cartons manquants partent aujourd'hui en express."),
    ("client", "livraison", "Modifier le créneau de livraison",
     "Serait-il possible de livrer jeudi matin plutôt que mercredi ?",
     "C'est noté pour jeudi entre 8 h et 12 h."),
    ("client", "compte", "Impossible de me connecter à mon espace client",
     "Le site me dit que mon mot de passe est incorrect alors que je viens de le changer.",
     "Nous vous avons renvoyé un lien de réinitialisation, valable 24 heures."),
    ("client", "compte", "Ajouter un utilisateur à notre compte",
     "Notre comptable doit pouvoir consulter les factures.",
     "Son accès est créé, elle va recevoir une invitation."),
    ("client", "compte", "Suppression de mes données personnelles",
     "Conformément au RGPD, je souhaite la suppression de mes données.",
     "Votre demande est enregistrée ; nous revenons vers vous sous un mois au plus."),
    ("technique", "panne", "L'imprimante de l'accueil ne répond plus",
     "Depuis ce matin l'imprimante affiche « erreur 0x41 » et n'imprime plus rien.",
     "Un technicien passe demain matin ; en attendant, redémarrez-la sans le bac 2."),
    ("technique", "panne", "Le logiciel de caisse plante à l'ouverture",
     "Message « base de données verrouillée » à chaque démarrage.",
     "Nous avons libéré le verrou à distance, la caisse démarre de nouveau."),
    ("technique", "panne", "Plus d'accès Internet au bureau",
     "La box clignote en rouge depuis l'orage d'hier soir.",
     "Le routeur est à remplacer : il part ce soir par Chronopost."),
    ("technique", "panne", "Synchronisation des agendas bloquée",
     "Les rendez-vous du téléphone n'apparaissent plus sur l'ordinateur.",
     "Il fallait renouveler le jeton de synchronisation ; c'est fait."),
    ("technique", "installation", "Installation du nouveau poste",
     "Nous accueillons une stagiaire lundi, il faudrait préparer son poste.",
     "Le poste sera prêt vendredi, avec la messagerie et les imprimantes."),
    ("technique", "installation", "Mise à jour du logiciel de comptabilité",
     "L'éditeur annonce une nouvelle version obligatoire avant la clôture.",
     "La mise à jour est planifiée samedi matin, hors horaires d'ouverture."),
    ("technique", "installation", "Configurer la messagerie sur un smartphone",
     "Je n'arrive pas à recevoir mes courriels sur mon nouveau téléphone.",
     "Voici les paramètres IMAP ; nous pouvons aussi le faire ensemble par téléphone."),
    ("technique", "panne", "Écran noir au démarrage",
     "L'ordinateur portable démarre mais l'écran reste noir.",
     "Pouvez-vous essayer avec un écran externe ? Cela nous dira si la dalle est en cause."),
]
# state: how many tickets, the stage, the xmlid
STATES = [("new", 12, "stage_new"), ("progress", 16, "stage_progress"),
          ("waiting", 10, "stage_waiting"), ("solved", 36, "stage_solved"),
          ("cancelled", 6, "stage_cancelled")]
CHANNELS = ["email", "email", "email", "web", "web", "phone", "chat", "portal"]
PRIORITIES = ["0"] * 3 + ["1"] * 9 + ["2"] * 3 + ["3"] * 2
FEEDBACK = {10: ["Réponse rapide et claire, merci !", "Très bon suivi.", ""],
            5: ["Il a fallu relancer deux fois.", ""],
            1: ["Problème réglé, mais après une semaine d'attente."]}
NPS_COMMENTS = {9: "Service réactif, je recommande.", 10: "Toujours disponibles, merci.",
                7: "", 8: "Bien dans l'ensemble.", 4: "Délais trop longs en ce moment.",
                2: "Je n'ai jamais eu de réponse au téléphone."}
DAYS = 90


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    @api.model
    def _crm_demo_populate(self):
        """The 80 demo tickets (idempotent: nothing when they exist)."""
        if self.search_count([("team_id.name", "in", ["Support client", "Support technique"]),
                              ("description", "like", "crm-helpdesk-demo")]):
            return
        ref = self.env.ref
        teams = {"client": ref("crm_helpdesk.crm_helpdesk_demo_team_client"),
                 "technique": ref("crm_helpdesk.crm_helpdesk_demo_team_technique")}
        categories = {key: ref("crm_helpdesk.crm_helpdesk_demo_category_%s" % key)
                      for key in ("facturation", "livraison", "compte", "panne",
                                  "installation")}
        tags = [ref("crm_helpdesk.crm_helpdesk_demo_tag_%s" % key)
                for key in ("garantie", "vip", "rappel", "doc")]
        customers = self.env["res.partner"].search(
            [("email", "!=", False), ("parent_id", "!=", False), ("user_ids", "=", False)],
            order="id", limit=30) or self.env["res.partner"].search(
            [("email", "!=", False), ("user_ids", "=", False)], order="id", limit=30)
        rand = random.Random(20261203)
        now = datetime.now().replace(microsecond=0)
        quiet = self.with_context(tracking_disable=True, mail_notrack=True,
                                  mail_create_nolog=True, mail_create_nosubscribe=True,
                                  crm_no_satisfaction_mail=True, crm_demo=True)
        plans = [(state, xmlid) for state, count, xmlid in STATES for _i in range(count)]
        rand.shuffle(plans)
        created = []
        for index, (state, stage_xmlid) in enumerate(plans):
            team_key, category_key, subject, question, answer = REQUESTS[index % len(REQUESTS)]
            team = teams[team_key]
            customer = customers[index % len(customers)] if customers else customers
            # open tickets are recent, closed ones spread over the three months
            age = rand.uniform(0.2, 12 if state in ("new", "progress", "waiting") else DAYS - 3)
            opened = now - timedelta(days=age)
            opened = opened.replace(hour=rand.choice([8, 9, 10, 11, 14, 15, 16]),
                                    minute=rand.randrange(60), second=0)
            if opened > now:
                opened -= timedelta(days=1)
            members = team.member_ids
            vals = {
                "name": subject, "team_id": team.id, "stage_id": ref(
                    "crm_helpdesk.%s" % stage_xmlid).id,
                "description": "<p>%s</p><!-- crm-helpdesk-demo -->" % question,
                "partner_id": customer.id, "partner_name": customer.name,
                "partner_email": customer.email, "partner_phone": customer.phone,
                "priority": rand.choice(PRIORITIES), "channel": rand.choice(CHANNELS),
                "category_id": categories[category_key].id,
                "tag_ids": [(6, 0, [rand.choice(tags).id])] if rand.random() < 0.4 else [],
                "user_id": False if state == "new" and index % 2 else
                rand.choice(members.ids),
            }
            ticket = quiet.create(vals)
            created.append((ticket, state, opened, question, answer))
        self._crm_demo_date_and_discuss(created, rand, now)
        return True

    @api.model
    def _crm_demo_date_and_discuss(self, created, rand, now):
        # written as they were, notifying nobody (no mail, no chat)
        Message = self.env["mail.message"].with_context(tracking_disable=True,
                                                        message_create_from_mail_mail=True)
        comment = self.env.ref("mail.mt_comment").id
        note = self.env.ref("mail.mt_note").id
        Rating = self.env["rating.rating"]
        model_id = self.env["ir.model"]._get("crm.ticket").id
        cr = self.env.cr
        solved = []
        for ticket, state, opened, question, answer in created:
            responded = opened + timedelta(hours=rand.uniform(0.3, 6))
            closed = responded + timedelta(hours=rand.uniform(2, 72))
            if closed > now:
                closed = now - timedelta(minutes=5)
            messages = [(opened, ticket.partner_id, question, "email", comment)]
            if state != "new":
                agent = ticket.user_id.partner_id or self.env.user.partner_id
                messages.append((responded, agent, answer, "comment", comment))
                if state == "waiting":
                    messages.append((responded + timedelta(minutes=2), agent,
                                     "Pourriez-vous nous envoyer une capture d'écran ?",
                                     "comment", comment))
                if state == "solved":
                    messages.append((closed - timedelta(minutes=30), ticket.partner_id,
                                     "Merci, c'est bon pour nous.", "email", comment))
                if state == "cancelled":
                    messages.append((closed, agent, "Doublon d'une demande déjà traitée.",
                                     "comment", note))
            for when, author, body, kind, subtype in messages:
                Message.create({
                    "model": "crm.ticket", "res_id": ticket.id, "body": "<p>%s</p>" % body,
                    "author_id": author.id, "email_from": author.email or False,
                    "message_type": kind, "subtype_id": subtype,
                    "date": fields.Datetime.to_string(when)})
            closed_value = closed if state in ("solved", "cancelled") else None
            cr.execute("""UPDATE crm_ticket SET create_date = %s, write_date = %s,
                              date_last_stage_update = %s, closed_date = %s,
                              first_response_date = %s, sla_start_date = %s
                          WHERE id = %s""",
                       (opened, closed_value or responded, closed_value or responded
                        if state != "new" else opened, closed_value,
                        responded if state != "new" else None, opened, ticket.id))
            if state == "solved":
                solved.append((ticket, closed))
        # ratings: most solved tickets are rated, mostly satisfied
        for ticket, closed in solved:
            if rand.random() > 0.75:
                continue
            score = rand.choice([10] * 7 + [5] * 2 + [1])
            rating = Rating.create({
                "res_model_id": model_id, "res_id": ticket.id,
                "partner_id": ticket.partner_id.id,
                "rated_partner_id": ticket.user_id.partner_id.id,
                "rating": score, "consumed": True, "feedback": rand.choice(FEEDBACK[score])})
            cr.execute("UPDATE rating_rating SET create_date = %s, write_date = %s "
                       "WHERE id = %s", (closed, closed + timedelta(hours=rand.uniform(1, 30)),
                                         rating.id))
        self._crm_demo_nps(solved, rand, now)
        self.invalidate_cache()
        self._crm_demo_sla(self.browse([ticket.id for ticket, *_rest in created]))

    @api.model
    def _crm_demo_sla(self, tickets):
        """The SLA of the backdated tickets, as if they had lived: policy,
        deadlines from their opening, met or failed for the closed ones (a
        ticket created closed gets none, and a closed ticket's SLA is frozen,
        hence the context)."""
        tickets = tickets.with_context(crm_sla_recompute_closed=True)
        for name in ("sla_id", "sla_response_deadline", "sla_resolution_deadline",
                     "sla_response_warn_date", "sla_resolution_warn_date",
                     "sla_response_met", "sla_resolution_met", "sla_status",
                     "sla_response_hours", "sla_resolution_hours"):
            self.env.add_todo(self._fields[name], tickets)
        tickets.recompute()

    @api.model
    def _crm_demo_nps(self, solved, rand, now):
        Response = self.env["crm.helpdesk.nps.response"]
        done = set()
        for ticket, closed in solved:
            survey = ticket.team_id.crm_nps_survey_ids[:1]
            key = (survey.id, ticket.partner_id.id)
            if not survey or key in done:
                continue
            done.add(key)
            sent = closed + timedelta(minutes=10)
            values = {"survey_id": survey.id, "partner_id": ticket.partner_id.id,
                      "ticket_id": ticket.id, "sent_date": fields.Datetime.to_string(sent)}
            if rand.random() < 0.8:
                score = rand.choice([10, 10, 9, 9, 9, 8, 8, 7, 4, 2])
                answered = min(sent + timedelta(hours=rand.uniform(1, 48)), now)
                values.update(state="answered", score=score,
                              answer_date=fields.Datetime.to_string(answered),
                              comment=NPS_COMMENTS.get(score) or False)
            Response.create(values)
