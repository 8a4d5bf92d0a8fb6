package check

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

// TestFirstEvidence checks which sentence a verdict cites first: the one
// that does the job, not a definition, a title or a passing mention that
// comes earlier in the text.
func TestFirstEvidence(t *testing.T) {
	ch := New(catalog.Default())
	tests := []struct {
		name, lang, req, text string
		// first is a substring of the sentence that must be cited first;
		// with a leading "^" the quote must start with it.
		first string
	}{
		// Fallback rules widen recall but are not cited beside the main
		// rules' sentences.
		{"a fallback rule adds no support to a main rule's sentence", "de", "subject-matter",
			"§ 1 Gegenstand\n\nGegenstand des Auftrags ist die Verarbeitung der Termindaten der Kunden des Auftraggebers.\n\n" +
				"Der Auftragnehmer betreibt für den Auftraggeber die Plattform Terminfix.",
			"Gegenstand des Auftrags"},
		{"a fallback sentence alone is cited", "de", "subject-matter",
			"Die Parteien vereinbaren Schriftform.\n\nDer Auftragnehmer stellt dem Auftraggeber die Software Terminfix zur Verfügung.",
			"stellt dem Auftraggeber die Software"},
		{"definition before clause", "en", "delete-return",
			"“Personal Data Breach” means a breach of security leading to the accidental or unlawful destruction, loss or alteration of personal data.\n\n" +
				"Upon termination of the services, the processor shall, at the controller's choice, delete or return all personal data and delete existing copies.",
			"Upon termination"},
		{"same-meaning definition", "en", "data-types",
			"'personal data', 'special categories of data' and 'processing' shall have the same meaning as in the GDPR.\n\n" +
				"The types of personal data processed include names, email addresses and IP addresses.",
			"The types of personal data processed"},
		{"operative security clause before a passing mention", "en", "security",
			"The processor shall comply with the Data Protection Legislation in its processing of personal data.\n\n" +
				"The processor shall implement appropriate technical and organisational measures to protect personal data against accidental or unlawful destruction, loss or unauthorised access.",
			"appropriate technical and organisational measures"},
		{"authorisation clause before an incidental sub-processor mention", "en", "subprocessor-authorisation",
			"The processor shall ensure that personnel, including sub-processors, who are authorised to process personal data are bound by confidentiality.\n\n" +
				"The processor shall not engage a sub-processor without the prior written authorisation of the controller.",
			"prior written authorisation"},
		{"title line joined to its clause is not quoted", "en", "delete-return",
			"Return and Deletion of Personal Data upon Termination of the Services\nUpon termination of the services, we will delete or return all personal data, as you choose, and delete existing copies.",
			"Upon termination"},
		{"breach notice, not an infringing instruction", "en", "breach-notification",
			"The processor shall immediately inform the controller if, in its opinion, an instruction breaches the GDPR.\n\n" +
				"The processor shall notify the controller of a personal data breach without undue delay and in any event within 48 hours.",
			"personal data breach without undue delay"},
		{"nature of processing as a qualifier is no purpose clause", "en", "nature-purpose",
			"Taking into account the nature of the processing, the processor shall assist the controller with data subject requests.\n\n" +
				"The purpose of the processing is the provision of the hosting services under the Agreement.",
			"The purpose of the processing is"},
		{"joined list items are quoted from the line that does the job", "en", "legal-exception",
			"The processor shall:\ncomply with all applicable data protection laws in its processing of personal data; and\nnot process personal data other than on the controller's documented instructions unless processing is required by applicable laws to which the processor is subject.",
			"^not process personal data other than"},
		{"of two lines of a joined sentence, the one opening a clause with a duty", "en", "audits",
			"Procedures for the data controller's audits, including inspections, of the processing of personal data being performed by the data processor\nThe data processor shall allow for and contribute to audits, including inspections, conducted by the data controller or another auditor mandated by the data controller.",
			"^The data processor shall allow"},
		{"a line going on with the sentence above opens no clause", "en", "audits",
			"(f) at the request of the controller to submit its data processing facilities for audit of the\nprocessing activities covered by the Clauses which shall be carried out by the controller or an inspection body.",
			"^(f) at the request"},
		{"the exporter's assessment of the measures is no duty to take them", "en", "security",
			"(d) that after assessment of the requirements of the applicable data protection law, the security measures are appropriate to protect personal data against accidental or unlawful destruction, having regard to the state of the art and the cost of their implementation;\n\n" +
				"We will implement and maintain appropriate technical and organizational measures to protect Personal Data from Personal Data Breaches, as described in Annex 2.",
			"We will implement and maintain"},
		{"the audit by the controller, not the supervisory authority's audit", "en", "audits",
			"The parties agree that the supervisory authority has the right to conduct an audit of the processor, and of any sub-processor, which has the same scope as an audit of the controller.\n\n" +
				"The processor shall allow for and contribute to audits, including inspections, conducted by the controller or another auditor mandated by the controller.",
			"allow for and contribute"},
		{"the general authorisation, not the objection right", "en", "subprocessor-authorisation",
			"If Controller has a reasonable basis to object to Processor's use of a new subcontractor, Controller shall notify Processor promptly in writing.\n\n" +
				"Controller acknowledges and agrees that affiliates of Processor are retained as subcontractors and that Processor engages third party subcontractors to process Controller's data.",
			"acknowledges and agrees"},
		{"the consent condition for transfers, not a note on one sub-processor's clauses", "en", "third-country-transfers",
			"The processing or transfer to a third country outside the EU/EEA requires the prior written consent of the Controller.\n\n" +
				"In addition, the standard contractual clauses between Acme and its hosting provider apply here for any data transfer to the US.",
			"requires the prior written consent"},
		{"the persons with access are bound, not the obligation's survival", "en", "confidentiality",
			"The processor shall ensure that such confidentiality obligations survive the termination of the personnel engagement.\n\n" +
				"The processor shall ensure that its personnel engaged in the processing of personal data are bound by written confidentiality agreements.",
			"engaged in the processing"},
		{"the audit duty, not a copy of third-party audit reports", "en", "audits",
			"Upon the controller's written request, the processor shall provide a copy of its most recent third-party audits or certifications.\n\n" +
				"The processor shall make available to the controller all information necessary to demonstrate compliance and shall allow for and contribute to audits, including inspections.",
			"allow for and contribute"},
		{"the clause that states more of the requirement: prior written authorisation", "en", "subprocessor-authorisation",
			"The controller agrees that the processor may engage sub-processors.\n\n" +
				"The processor shall not engage another processor without the prior specific or general written authorisation of the controller.",
			"prior specific or general written authorisation"},
		{"a run-in title before the clause is no definition", "en", "confidentiality",
			"Personnel of the processor are subject to confidentiality obligations.\n\n" +
				"Confidentiality: The processor shall ensure that persons authorised to process the personal data have committed themselves to confidentiality.",
			"^Confidentiality: The processor shall ensure"},
		{"German: documented instructions with transfers, not processing within instructions", "de", "instructions",
			"Der Auftragnehmer verarbeitet die Daten im Rahmen der Weisungen des Auftraggebers.\n\n" +
				"Der Auftragnehmer verarbeitet personenbezogene Daten ausschließlich auf dokumentierte Weisung des Auftraggebers, auch in Bezug auf die Übermittlung in ein Drittland.",
			"ausschließlich auf dokumentierte Weisung"},
		{"German: the measures of Art. 32 appropriate to the risk, not measures as such", "de", "security",
			"Der Auftragnehmer trifft technische und organisatorische Maßnahmen.\n\n" +
				"Der Auftragnehmer trifft alle nach Art. 32 DSGVO erforderlichen technischen und organisatorischen Maßnahmen, um ein dem Risiko angemessenes Schutzniveau zu gewährleisten.",
			"nach Art. 32 DSGVO erforderlichen"},
		// Descriptive requirements cite the description itself.
		{"the entry under a lead-in, not the lead-in", "en", "data-subjects",
			"The personal data transferred concern the following categories of data subjects:\nAny individual who uses the services of the controller, such as users and customers.\n\nThe processor shall delete all personal data at the end of the services.",
			"^Any individual who uses"},
		{"a matched item under a lead-in is cited before the lead-in", "en", "nature-purpose",
			"The processing of personal data by the processor shall mainly pertain to the following (the nature of the processing):\nPersonal data are processed to provide cloud storage, hosting and backup to the controller.\n\nThe processor shall delete all personal data at the end of the services.",
			"^Personal data are processed to provide"},
		{"a lead-in joined to its first entry is quoted from the entry", "en", "data-types",
			"Accordingly, the processing of Personal Data may relate to the following categories of data\nPersonal information: first name, last name, date of birth, email address.",
			"^Personal information: first name"},
		{"an empty list keeps the lead-in: a placeholder under it", "en", "data-subjects",
			"The personal data transferred concern the following categories of data subjects:\n[Description of the categories of data subjects]\n\nThe processor shall delete all personal data at the end of the services.",
			"following categories of data subjects"},
		{"the annex entry of processing operations before a purpose in passing", "en", "nature-purpose",
			"The processor shall only process personal data on documented instructions and for the purposes of the Agreement, and shall keep it confidential.\n\n" +
				"The personal data transferred will be subject to the following basic processing activities: hosting, storage and backup of the controller's customer records.",
			"basic processing activities"},
		{"the processor's duty to notify changes, not the controller's objection", "en", "subprocessor-changes",
			"The controller may object to a new sub-processor by notifying the processor in writing within ten days of the notice of the change.\n\n" +
				"The processor shall inform the controller of any intended addition or replacement of sub-processors at least thirty days in advance.",
			"shall inform the controller of any intended"},
		{"German: the entry under a lead-in", "de", "data-types",
			"Je nach Nutzung werden insbesondere folgende Daten verarbeitet:\nStammdaten der Mitglieder wie Name, Anschrift und E-Mail-Adresse.\n\nDer Auftragnehmer löscht die Daten nach Beendigung des Vertrags.",
			"^Stammdaten der Mitglieder"},
		{"the words of a title run into a clause support no rule there", "en", "nature-purpose",
			"Controller and Processor of Personal Data and Purpose of Processing\nThe customer is and will remain the controller of the personal data processed under the agreement.\n\n" +
				"The processor will process personal data solely for the purpose of providing the hosting services.",
			"solely for the purpose"},
		{"the subcontracting condition, not the assignment boilerplate", "en", "subprocessor-authorisation",
			"Neither party shall assign, transfer, subcontract or deal in any other manner with its rights under this Agreement without the prior written consent of the other party.\n\n" +
				"The processor shall not subcontract any processing of personal data without the prior written consent of the controller.",
			"shall not subcontract any processing"},
		{"the subcontracting condition, not a disclosure clause naming a sub-contractor", "en", "subprocessor-authorisation",
			"The processor shall not disclose personal data to a third party (including a sub-contractor) without the controller's prior written consent.\n\n" +
				"The processor shall not sub-contract any of its obligations under this Agreement without the prior written consent of the controller.",
			"shall not sub-contract"},
		{"a citation rule: the standard clauses' notice of an inability to comply", "en", "legal-exception-notice",
			"The processor agrees and warrants to process the personal data only on behalf of the controller and in compliance with its instructions; if it cannot provide such compliance for whatever reasons, it agrees to inform promptly the controller of its inability to comply.\n\n" +
				"The processor will promptly notify the controller about:\n(i) any legally binding request for disclosure of the personal data by a law enforcement authority unless otherwise prohibited;\n(ii) any accidental or unauthorised access.",
			"its inability to comply"},
		{"the legal-requirement notice, not the same proviso on answering a request", "en", "legal-exception-notice",
			"The processor shall not respond to that request except on the documented instructions of the controller or as required by applicable law, in which case the processor shall inform the controller of that legal requirement before it responds to the request.\n\n" +
				"The processor shall not process personal data other than on the documented instructions of the controller unless required by applicable law, in which case it shall inform the controller of that legal requirement before processing.",
			"shall not process personal data other than"},
		{"the processor's own measures, not a sub-contractor's plan of measures", "en", "security",
			"The processor shall ensure by written contract that any agent or subcontractor employed by it provides a plan of the technical and organisational measures it takes against accidental loss or unauthorised access.\n\n" +
				"The processor has implemented and will maintain appropriate technical and organisational measures for the processing of personal data.",
			"has implemented and will maintain"},
		{"a translated contract's Subcontractor is the processor", "en", "security",
			"The Subcontractor undertakes to implement the following security measures: encryption of data at rest and in transit, access control and daily backups.",
			"The Subcontractor undertakes"},
		{"the duration of the processing, not the term of the document", "en", "duration",
			"The term of this DPA will follow the term of the Agreement.\n\n" +
				"We will process personal data for the duration of the Agreement, unless otherwise agreed in writing.",
			"We will process personal data for the duration"},
		{"a present authorisation, not its lead-in", "en", "subprocessor-authorisation",
			"The Controller agrees to the engagement of Subprocessors as follows:\n\n" +
				"The Controller hereby agrees to the engagement of the Subprocessors listed in Annex 2.",
			"hereby agrees to the engagement"},
		{"a citation rule: the processor's deletion at the end, stated alone", "en", "delete-return",
			"Following the deletion or return of the data, or as otherwise agreed, the processor will carry out this instruction within 90 days.\n\n" +
				"Upon expiry of the services, the processor undertakes to delete all personal data it holds for the controller and existing copies.",
			"undertakes to delete"},
		{"a citation rule: the processor's lead-in to its list of measures", "en", "toms-description",
			"Backups of the service are kept in a second data centre.\n\n" +
				"The processor shall implement the following technical and organisational measures to protect the personal data against loss or unlawful processing:\n[list of measures to be completed by the processor]",
			"shall implement the following technical and organisational measures"},
		{"a citation rule: the processor's measures named by the goals of Art. 32(1)(b)", "en", "toms-description",
			"Backups of the service are kept in a second data centre.\n\n" +
				"The processor will take appropriate technical and organisational measures to ensure the confidentiality, integrity, availability and resilience of its systems.",
			"confidentiality, integrity, availability"},
		{"a bare promise of appropriate measures stays behind a measure the text names", "en", "toms-description",
			"The processor shall implement appropriate technical and organisational measures to secure all personal data against accidental loss.\n\n" +
				"All personal data is encrypted at rest and in transit.",
			"encrypted at rest"},
		{"the controller's own measures are not the processor's description", "en", "toms-description",
			"The controller shall implement appropriate technical and organisational measures, including the pseudonymisation and encryption of personal data.\n\n" +
				"The processor shall implement appropriate technical and organisational measures, including the pseudonymisation and encryption of personal data.",
			"The processor shall implement"},
		{"the breach notice with its deadline, not help with the report 'within the scope' of a duty", "en", "breach-notification",
			"The processor will provide the controller with the information it reasonably needs to prepare a complete report to the data protection authority and the data subjects, within the scope of the duty to report data breaches.\n\n" +
				"The processor shall inform the controller of a data breach as soon as possible after discovering it.",
			"as soon as possible after discovering"},
		{"a citation rule: the wording of Art. 28(3)(c) before a measure clause of an annex", "en", "security",
			"The provider has implemented appropriate technical and organisational measures for the hosting of the personal data.\n\n" +
				"The processor shall take all measures required pursuant to Article 32 of the GDPR.",
			"all measures required pursuant to Article 32"},
		{"evidence22: the notice in an item under a lead-in ending with the processor", "en", "subprocessor-changes",
			"Controller may object to a new sub-processor by notifying Processor in writing within ten days.\n\n" +
				"Controller generally authorises Processor to engage sub-processors, provided that Processor:\ngives Controller prior notice of the addition or replacement of sub-processors and an opportunity to object to it.",
			"gives Controller prior notice"},
		// evidence22: the exception in the words of Art. 28(3)(a)
		// (unless-union-law-cite-en), and two wordings it must not pull
		// forward.
		{"evidence22: the Union or Member State law exception before a carve-out in other words", "en", "legal-exception",
			"The Processor, and any person acting under its authority who has access to the personal data, shall not process that data unless acting upon instructions given by the Controller, unless they are required to do so by statutory law.\n\n" +
				"The Processor shall not process any personal data under this Agreement except on the Controller's documented instructions, unless required to do so by Union or Member State law.",
			"except on the Controller's documented instructions"},
		{"evidence22: EU or Member State law requiring the processing, before a statute in general", "en", "legal-exception",
			"The Supplier and each person acting under its authority who has access to Client personal data shall not process it unless acting on instructions of the Client, unless statutory law requires them to process it.\n\n" +
				"The Supplier shall not process Client personal data except on the documented instructions of the Client, unless required to do so by EU or Member State law to which the Supplier is subject.",
			"unless required to do so by EU or Member State law"},
		{"evidence22: an answer to a data subject request the law requires is not the exception to the instructions", "en", "legal-exception",
			"The processor shall not process a data subject request on its own instruction, except where Union or Member State law requires an answer.\n\n" +
				"The processor processes personal data only on documented instructions from the controller unless the law to which it is subject requires otherwise.",
			"only on documented instructions"},
		{"evidence22: a retention the law requires is not the exception to the instructions", "en", "legal-exception",
			"The processor shall not process the instructions records after the end of the services unless Union or Member State law requires their retention.\n\n" +
				"The processor shall process personal data only on the controller's instructions, except where a law to which the processor is subject requires other processing.",
			"only on the controller's instructions"},
		// evidence22: the instructions duty in the words of Art. 28(3)(a)
		// (documented-instructions-transfers-cite-en).
		{"evidence22: documented instructions including transfers, before a purpose clause", "en", "instructions",
			"The Vendor shall, subject to the clause below, only process (e.g., receive, retain, use, sell, transfer, disclose) Customer personal data pursuant to the specific purposes described in the Agreement, and as instructed by the Customer.\n\n" +
				"The Vendor processes the personal data only on documented instructions from the Customer, including with regard to transfers of personal data to a third country.",
			"only on documented instructions from the Customer"},
		{"evidence22: documented instructions in relation to transfers, before processing as necessary for the services", "en", "instructions",
			"Provider will only process, retain, use and disclose Client personal data (including any transfer of it) as necessary to perform the services in each Order and as further instructed in writing by Client.\n\n" +
				"Processes personal data only on documented instructions from Client, including in relation to transfers of personal data to a third country or an international organisation.",
			"including in relation to transfers"},
		{"evidence22: an infringing instruction is not the instructions duty", "en", "instructions",
			"The processor shall immediately inform the controller if, in its opinion, a documented instruction to process data, including with regard to transfers, infringes the GDPR.\n\n" +
				"The processor shall process personal data only on the documented instructions of the controller.",
			"shall process personal data only on the documented instructions"},
		{"evidence22: a sub-processor's instructions are not the processor's duty", "en", "instructions",
			"Each sub-processor shall process personal data only on documented instructions, including with regard to transfers to a third country.\n\n" +
				"The processor shall process personal data only on the documented instructions of the controller.",
			"The processor shall process"},
		// evidence22: a list item whose lead-in the requirement's rules
		// match too stays behind the lead-in that states the duty, outside
		// descriptive requirements (weightItemOfDuty).
		{"evidence22: the audit duty in the lead-in before an item that inspects", "en", "audits",
			"The supplier shall keep a record of all processing activities carried on behalf of the customer (Processing Records).\n" +
				"The supplier shall permit the customer or any other auditor mandated by the customer, on reasonable notice and during normal business hours, to:\n" +
				"have access to and take copies of the Processing Records held at the supplier premises; and\n" +
				"inspect all Processing Records, documents and electronic data and carry out checks of the supplier systems, facilities and equipment,\n" +
				"for the purpose of auditing the supplier compliance with its obligations under this Agreement.\n" +
				"The supplier shall give all necessary assistance to the conduct of such audits.",
			"The supplier shall permit the customer"},
		{"evidence22: the right to audit in the lead-in before an item that examines the systems", "en", "audits",
			"The Vendor keeps records of the processing it carries out for the Client.\n" +
				"The Vendor shall allow the Client, or an independent inspector appointed by the Client, once per year and on thirty days notice, to:\n" +
				"enter the premises where Client Data is processed; and\n" +
				"examine all records, inspect and carry out checks of the data processing systems of the Vendor and perform tests on them,\n" +
				"in order to audit the compliance of the Vendor with this Agreement.\n" +
				"The Vendor shall support such audits.",
			"The Vendor shall allow the Client"},
		{"evidence22: a descriptive requirement still cites the entry under its lead-in", "en", "data-types",
			"The personal data processed concern the following categories of data:\nContact data such as name, email address and telephone number of the users.\n\nThe processor shall delete all personal data at the end of the services.",
			"^Contact data such as name"},
		{"evidence22: an item under a lead-in that states no duty is cited", "en", "audits",
			"The following applies to this Agreement:\n" +
				"the processor shall allow for and contribute to audits, including inspections, conducted by the controller or another auditor mandated by the controller.\n\n" +
				"The controller bears the costs of its audits.",
			"allow for and contribute to audits"},
		// evidence22: the controller's right to check the processor
		// itself before checks at sub-contractors
		// (kontrolle-beim-auftragnehmer-cite-de).
		{"evidence22 German: the check at the processor, not at its sub-contractors", "de", "audits",
			"Im Vertrag mit dem Subunternehmer muss der Auftraggeber berechtigt sein, auch bei dem Subunternehmer Kontrollen vor Ort durchzuführen.\n\n" +
				"Der Auftraggeber ist berechtigt, die Einhaltung der Vorschriften über den Datenschutz beim Auftragnehmer nach Terminvereinbarung zu kontrollieren und Prüfungen vorzunehmen.",
			"beim Auftragnehmer nach Terminvereinbarung"},
		{"evidence22 German: the right to inspect the service provider, not a sub-contractor", "de", "audits",
			"Die Kundin muss vertraglich das Recht erhalten, Audits auch bei Nachunternehmern des Dienstleisters durchzuführen.\n\n" +
				"Die Kundin kann die Einhaltung dieses Vertrags beim Dienstleister einmal jährlich prüfen und kontrollieren.",
			"beim Dienstleister einmal jährlich"},
		{"evidence22 German: the processor's own checks of its sub-contractors are no audit right", "de", "audits",
			"Der Auftragnehmer kontrolliert seine Unterauftragnehmer regelmäßig und darf dazu deren Rechenzentren besichtigen.\n\n" +
				"Der Auftragnehmer ermöglicht dem Auftraggeber Kontrollen und wirkt an ihnen mit.",
			"ermöglicht dem Auftraggeber Kontrollen"},
		{"evidence22 German: a termination for refused checks is no audit right", "de", "audits",
			"Verweigert der Auftragnehmer eine Kontrolle beim Auftragnehmer, darf der Auftraggeber den Vertrag kündigen.\n\n" +
				"Der Auftraggeber ist berechtigt, beim Auftragnehmer Kontrollen durchzuführen.",
			"Der Auftraggeber ist berechtigt, beim Auftragnehmer"},
		// evidence22: the authorisation of sub-processors as such before
		// the condition for those in third countries
		// (genehmigung-kern-cite-de).
		{"evidence22 German: the consent to sub-contractors, not the condition for those outside the EU", "de", "subprocessor-authorisation",
			"6.1 Die Einschaltung von Subunternehmern zur Verarbeitung von Daten der Kundin ist dem Dienstleister nur mit schriftlicher Zustimmung der Kundin gestattet.\n\n" +
				"6.2 Eine Beauftragung von Subunternehmern, die Leistungen außerhalb der EU oder des EWR erbringen, darf nur erfolgen, wenn die Voraussetzungen der Art. 44 ff. DSGVO erfüllt sind, etwa Standarddatenschutzklauseln, genehmigte Verhaltensregeln oder ein Angemessenheitsbeschluss der Kommission.",
			"6.1 Die Einschaltung von Subunternehmern"},
		{"evidence22 German: the right to engage sub-contractors, not the condition for third countries", "de", "subprocessor-authorisation",
			"Der Auftragnehmer ist berechtigt, Unterauftragnehmer mit vorheriger Zustimmung des Auftraggebers in Textform einzuschalten.\n\n" +
				"Ein Einsatz von Unterauftragnehmern, die Daten in Drittländern verarbeiten, darf nur erfolgen, wenn genehmigte Garantien nach Art. 46 DSGVO bestehen.",
			"ist berechtigt, Unterauftragnehmer mit vorheriger Zustimmung"},
		{"evidence22 German: a third-country condition alone is still cited", "de", "subprocessor-authorisation",
			"Die Parteien vereinbaren die Schriftform.\n\nUnterauftragnehmer in Drittländern dürfen nur mit Zustimmung des Auftraggebers eingesetzt werden.",
			"Unterauftragnehmer in Drittländern"},
		{"evidence22 German: a right to terminate over a sub-contractor is no authorisation", "de", "subprocessor-authorisation",
			"Der Auftraggeber ist berechtigt, den Vertrag zu kündigen, wenn ein Subunternehmer gegen seine Datenschutzpflichten verstößt.\n\nDer Auftraggeber genehmigt den Einsatz von Subunternehmern.",
			"Der Auftraggeber genehmigt den Einsatz"},
		// evidence22: a warranty item and the title of the 2010 clauses
		// rank behind the clause that states the duty.
		{"evidence22: the notice of changes before the standard clauses' consent warranty", "en", "subprocessor-changes",
			"that, in the event of sub-processing, it has previously informed the controller and obtained its prior written consent;\n\n" +
				"Where the Supplier intends to add or replace a Subprocessor, it shall inform the Client in writing no later than four weeks in advance.",
			"Where the Supplier intends to add or replace"},
		{"evidence22: the transfer condition before the title of the 2010 clauses", "en", "third-country-transfers",
			"For the purposes of Article 26(2) of Directive 95/46/EC for the transfer of personal data to processors established in third countries which do not ensure an adequate level of data protection\n\n" +
				"The processor agrees to transfer personal data to a country outside the EEA only where it has put in place adequate safeguards.",
			"only where it has put in place adequate safeguards"},
		{"evidence22: a warranty alone is still cited", "en", "security",
			"The parties agree on the following.\n\nthat it has implemented the technical and organisational security measures specified in Appendix 2 before processing the personal data transferred;",
			"that it has implemented"},
		{"evidence22: a clause with a comma after 'For the purposes of' is no title", "en", "breach-notification",
			"For the purposes of this Clause, the processor shall notify the controller of any personal data breach without undue delay.\n\nThe controller may ask for a report on the breach.",
			"For the purposes of this Clause"},
		// evidence22: for a descriptive requirement, a sentence that binds
		// the processing to documented instructions names the purpose in
		// passing (cite_instructions, weightInPassing).
		{"evidence22: the processing activities before purposes named in the instructions clause", "en", "nature-purpose",
			"The Supplier shall keep Personal Data confidential and shall only process Personal Data on behalf of and in accordance with the Customer's documented instructions for the following purposes: (i) processing to provide the services under the Agreement; (ii) processing initiated by users in their use of the services.\n\n" +
				"The personal data transferred will be subject to the following basic processing activities: storage, backup and display of customer records.",
			"basic processing activities: storage"},
		{"evidence22: the annex entry before the purposes listed with the documented instructions", "en", "nature-purpose",
			"The Vendor shall process Customer personal data only on behalf of the Customer and in accordance with its documented instructions for these purposes: (a) providing the Service; (b) processing initiated by end users of the Service.\n\n" +
				"The personal data transferred will be subject to the following basic processing activities: hosting of the booking calendar and sending of reminder emails.",
			"basic processing activities: hosting of the booking calendar"},
		{"evidence22 German: nature and purpose before a purpose in the instructions clause", "de", "nature-purpose",
			"Der Auftragnehmer verarbeitet die Daten ausschließlich auf dokumentierte Weisung des Auftraggebers und nur zum Zweck der Erbringung der vereinbarten Leistungen.\n\n" +
				"Art und Zweck der Verarbeitung: Betrieb und Wartung der Lohnbuchhaltungssoftware des Auftraggebers.",
			"Betrieb und Wartung der Lohnbuchhaltungssoftware"},
		{"evidence22: the instructions requirement still cites the instructions clause", "en", "instructions",
			"The purpose of the processing is the payroll service.\n\nThe processor shall process personal data only on the documented instructions of the controller.",
			"only on the documented instructions"},
		{"evidence22: a purpose stated only in the instructions clause is still cited", "en", "nature-purpose",
			"The parties agree on the following.\n\nThe processor shall process personal data only on the controller's documented instructions for the purpose of hosting its online shop.",
			"for the purpose of hosting its online shop"},
		{"German definition before clause", "de", "delete-return",
			"„Verarbeitung“ bezeichnet jeden Vorgang wie das Erheben, das Löschen oder die Vernichtung von Daten.\n\n" +
				"Nach Beendigung des Vertrags löscht der Auftragnehmer nach Wahl des Auftraggebers alle Daten oder gibt sie zurück.",
			"Nach Beendigung"},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		in := ch.Prepare(doc, segment.Split(doc), tt.lang)
		var found bool
		for _, v := range ch.Check(in) {
			if v.ID != tt.req {
				continue
			}
			found = true
			if len(v.Evidence) == 0 {
				t.Errorf("%s: %s is %s without evidence", tt.name, tt.req, v.Status)
				continue
			}
			got := v.Evidence[0].Text
			if want, ok := strings.CutPrefix(tt.first, "^"); ok && !strings.HasPrefix(got, want) || !ok && !strings.Contains(got, tt.first) {
				t.Errorf("%s: first evidence %q, want the sentence with %q", tt.name, got, tt.first)
			}
		}
		if !found {
			t.Errorf("%s: no verdict for %s", tt.name, tt.req)
		}
	}
}

func TestListEntry(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Customers of [PARTY 1]", true},
		{"Employees, contractors and customers of the controller", true},
		{"3.1 Name, phone number, e-mail", true},
		{"[Description of the categories of data subjects, which may be summarised in list format]", false},
		{"Obligations and rights of the Data Controller:", false},
		{"________", false},
		{" … ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := listEntry(tt.text); got != tt.want {
			t.Errorf("listEntry(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestPurposeTitleAndWarranty checks two kinds of quote that rank behind
// the clause stating a duty (evidence22): the title of the 2010 standard
// clauses and an item of a list of warranties.
func TestPurposeTitleAndWarranty(t *testing.T) {
	titles := []struct {
		text string
		want bool
	}{
		{"For the purposes of Article 26(2) of Directive 95/46/EC for the transfer of personal data to processors established in third countries which do not ensure an adequate level of data protection", true},
		{"For the purposes of the transfer of personal data to processors in third countries", true},
		{"For the purposes of this Clause, the processor shall notify the controller of any breach.", false},
		{"For the purposes of Article 28 GDPR: the processor shall only act on instructions.", false},
		{"The processor acts for the purposes of the controller only.", false},
	}
	for _, tt := range titles {
		if got := purposeTitle(tt.text); got != tt.want {
			t.Errorf("purposeTitle(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	warranties := []struct {
		text string
		want bool
	}{
		{"that, in the event of subprocessing, it has previously informed the controller and obtained its prior written consent;", true},
		{"(h) that it has implemented the technical and organisational security measures specified in Appendix 2;", true},
		{"That the data subject has been informed of the transfer.", true},
		{"thats all", false},
		{"The processor warrants that it has implemented the measures.", false},
		{"thereafter the processor shall delete the data.", false},
	}
	for _, tt := range warranties {
		if got := warrantyItem(tt.text); got != tt.want {
			t.Errorf("warrantyItem(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestOpensClause(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"The processor shall allow for and contribute to audits.", true},
		{"(a) The processor shall delete the data.", true},
		{"12.2 The processor shall permit audits.", true},
		{"processing activities covered by the Clauses which shall be carried out", false},
		{"(iv) the processor complies with any reasonable instructions", false},
		{"for the purpose of auditing and certifying compliance", false},
		{"“Processing” shall mean any operation", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := opensClause(tt.line); got != tt.want {
			t.Errorf("opensClause(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestHeadingLike(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Return and Deletion of Personal Data upon Termination of Cloud Services", true},
		{"Audit Rights and Cooperation with Supervisory Authorities", true},
		{"Nature and Purpose of the Processing:", true},
		{"Return and Deletion of Personal Data Upon End of Services or at Customer’s Request (“Data Portability”)", true},
		{"The processor shall delete the data (see Clause 12)", false},
		{"The processor shall delete all personal data.", false},
		{"the processor shall delete all personal data upon termination", false},
		{"Processor Shall Delete All Data When The Agreement Ends And Confirm It In Writing To The Customer Promptly", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := headingLike(tt.text); got != tt.want {
			t.Errorf("headingLike(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCiteStart(t *testing.T) {
	text := "Deletion of Personal Data\nUpon termination the processor deletes all data."
	if got := text[citeStart(text, 0, len(text)):]; got != "Upon termination the processor deletes all data." {
		t.Errorf("citeStart skipped to %q", got)
	}
	text = "The processor shall\ndelete all data."
	if got := citeStart(text, 0, len(text)); got != 0 {
		t.Errorf("citeStart moved into a clause broken across lines: %d", got)
	}
}

func TestTermColonAndTOC(t *testing.T) {
	colon := []struct {
		text string
		want bool
	}{
		{"Processing: any operation which is performed on personal data.", true},
		{"PIA: the data protection impact assessment performed prior to the processing.", true},
		{"The processor shall: delete all data.", false},
		{"Note: the processor keeps records.", true},
		{"Categories of data: names and addresses.", false},
		{"Confidentiality: The processor shall ensure that its staff are bound by confidentiality.", false},
		{"Audits: the Processor will allow for and contribute to audits.", false},
		{"Sub-processor: any processor engaged by the processor who agrees to receive personal data.", true},
		{"Vertraulichkeit: Alle mit der Verarbeitung befassten Personen werden zur Vertraulichkeit verpflichtet.", false},
		{"Unterauftragsverarbeiter: jeder weitere Auftragsverarbeiter, der vom Auftragnehmer beauftragt wird.", true},
		{"Verarbeitung: jeder Vorgang im Zusammenhang mit personenbezogenen Daten.", true},
		{"No colon here.", false},
	}
	for _, tt := range colon {
		if got := termColon(tt.text); got != tt.want {
			t.Errorf("termColon(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	toc := []struct {
		text string
		want bool
	}{
		{"5. Audits .......... 12", true},
		{"Deletion and return\t7", true},
		{"The processor shall notify within 72", false},
		{"Annex 2", false},
		{"12", false},
	}
	for _, tt := range toc {
		if got := tocLine(tt.text); got != tt.want {
			t.Errorf("tocLine(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDefinition(t *testing.T) {
	ch := New(catalog.Default())
	tests := []struct {
		lang, text string
		want       bool
	}{
		{"en", "“Personal Data Breach” means a breach of security leading to the destruction of personal data.", true},
		{"en", "The term processing means any operation performed on personal data.", true},
		{"en", "'personal data', 'special categories of data', 'process/processing', 'controller', 'processor' and 'data subject' shall have the same meaning as in the GDPR.", true},
		{"en", "The processor shall protect the data by electronic means against loss.", false},
		{"en", "The processor shall use all reasonable means to delete the data.", false},
		{"en", "The processor shall delete all personal data, which means that no copies remain.", false},
		{"en", "\"Processing\" shall mean any operation performed upon personal data, including erasure or destruction.", true},
		{"en", "The processor shall, by all appropriate means, delete the data.", false},
		{"de", "„Verarbeitung“ bezeichnet jeden Vorgang im Zusammenhang mit personenbezogenen Daten.", true},
		{"de", "Der Auftragnehmer löscht die Daten nach Beendigung des Vertrags.", false},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		in := ch.Prepare(doc, segment.Split(doc), tt.lang)
		rk := &ranker{ch: ch, in: in}
		if got := rk.definition(in.Index, 0, tt.text); got != tt.want {
			t.Errorf("definition(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// FuzzQuoteText checks that the text classifiers never panic and that a
// quote never starts outside its sentence.
func FuzzQuoteText(f *testing.F) {
	f.Add("Deletion of Personal Data\nUpon termination the processor deletes all data.")
	f.Add("5. Audits .......... 12")
	f.Add("Processing: any operation")
	f.Add("\n\n:")
	f.Fuzz(func(t *testing.T, s string) {
		headingLike(s)
		termColon(s)
		tocLine(s)
		if q := citeStart(s, 0, len(s)); q < 0 || q > len(s) {
			t.Fatalf("citeStart(%q) = %d", s, q)
		}
	})
}
