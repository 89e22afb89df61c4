/**
 * Who appears in the seeded documents: the two Acme buyers (the Banqup account's legal
 * entities) and the suppliers, each with its country, currency, VAT treatment towards the
 * buyer, invoice-number style and a small catalog of what it sells. Pure data.
 */
import type { UblParty } from './ubl';
import type { PostalAddress } from './ubl-write';
import { beEnterpriseNumber } from './ids';

export type VatTreatment = readonly [category: string, percent: number];

export interface CatalogItem {
  description: string;
  unitCode: string;
  /** Unit price range in the supplier's currency. */
  price: readonly [number, number];
  /** Quantity range; a fractional step (e.g. 0.5 for hours) makes decimal quantities. */
  qty: readonly [number, number, number?];
  vat: VatTreatment;
}

export interface Buyer {
  key: 'acme-be' | 'acme-pt';
  party: UblParty;
  address: PostalAddress;
  iban: string;
}

export interface SupplierProfile {
  key: string;
  party: UblParty;
  address: PostalAddress;
  currency: string;
  /** Invoice and credit-note number formats (sequence → number). */
  invoiceNumber: (seq: number) => string;
  creditNoteNumber: (seq: number) => string;
  firstSeq: number;
  paymentDays: number;
  /** What it sells to the Belgian entity, and (if it sells there) to the Portuguese one. */
  catalog: readonly CatalogItem[];
  catalogPt?: readonly CatalogItem[];
  linesPerDoc: readonly [number, number];
}

const acmeBeNumber = beEnterpriseNumber('01234567'); // 0123456749

export const ACME_BE: Buyer = {
  key: 'acme-be',
  party: { name: 'Acme Belgium NV', country: 'BE', vatId: `BE${acmeBeNumber}`, endpointId: acmeBeNumber, endpointScheme: '0208' },
  address: { street: 'Kunstlaan 1', city: 'Brussel', postalCode: '1000' },
  iban: 'BE68539007547034',
};

export const ACME_PT: Buyer = {
  key: 'acme-pt',
  party: { name: 'Acme Portugal Lda', country: 'PT', vatId: 'PT501234560', endpointId: 'PT501234560', endpointScheme: '9946' },
  address: { street: 'Avenida da Liberdade 110', city: 'Lisboa', postalCode: '1250-146' },
  iban: 'PT50000201231234567890154',
};

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const be = (first8: string): Pick<UblParty, 'vatId' | 'endpointId' | 'endpointScheme'> => {
  const n = beEnterpriseNumber(first8);
  return { vatId: `BE${n}`, endpointId: n, endpointScheme: '0208' };
};

const S21: VatTreatment = ['S', 21];
const AE: VatTreatment = ['AE', 0];
const K: VatTreatment = ['K', 0];

export const SUPPLIERS: readonly SupplierProfile[] = [
  {
    key: 'liegeoise',
    party: { name: 'Imprimerie Liégeoise SRL', country: 'BE', ...be('04567891') },
    address: { street: "Rue de l'Église 12", city: 'Liège', postalCode: '4000' },
    currency: 'EUR',
    invoiceNumber: (n) => `F2026/${pad(n, 4)}`,
    creditNoteNumber: (n) => `NC2026/${pad(n, 4)}`,
    firstSeq: 311,
    paymentDays: 30,
    linesPerDoc: [1, 4],
    catalog: [
      { description: 'Flyers A5 quadri recto-verso, 1000 ex.', unitCode: 'C62', price: [95, 180], qty: [1, 5], vat: S21 },
      { description: 'Cartes de visite, 250 ex.', unitCode: 'C62', price: [35, 60], qty: [1, 8], vat: S21 },
      { description: 'Roll-up 85×200 cm avec structure', unitCode: 'C62', price: [120, 210], qty: [1, 3], vat: S21 },
      { description: 'Brochure « Guide pratique » (livre, ISBN)', unitCode: 'C62', price: [18, 42], qty: [5, 40], vat: ['S', 6] },
    ],
  },
  {
    key: 'serenite',
    party: { name: 'Café Sérénité SRL', country: 'BE', ...be('07123456') },
    address: { street: 'Place Flagey 7', city: 'Ixelles', postalCode: '1050' },
    currency: 'EUR',
    invoiceNumber: (n) => `CS-26-${pad(n, 4)}`,
    creditNoteNumber: (n) => `CS-NC-26-${pad(n, 3)}`,
    firstSeq: 1204,
    paymentDays: 14,
    linesPerDoc: [2, 5],
    catalog: [
      { description: 'Lunch buffet équipe (par personne)', unitCode: 'C62', price: [16, 28], qty: [8, 35], vat: ['S', 12] },
      { description: 'Boissons softs et cafés', unitCode: 'C62', price: [2.5, 4.5], qty: [20, 90], vat: S21 },
      { description: 'Vin – sélection du sommelier (bouteille)', unitCode: 'C62', price: [14, 32], qty: [2, 12], vat: S21 },
      { description: 'Location de salle (demi-journée)', unitCode: 'C62', price: [250, 450], qty: [1, 1], vat: S21 },
      { description: 'Pâtisseries maison', unitCode: 'C62', price: [3.2, 5.5], qty: [10, 40], vat: ['S', 6] },
    ],
  },
  {
    key: 'assurances',
    party: { name: 'Assurances Fédérales Générales SA', country: 'BE', ...be('04031234') },
    address: { street: 'Boulevard du Régent 40', city: 'Bruxelles', postalCode: '1000' },
    currency: 'EUR',
    invoiceNumber: (n) => `POL-2026-${pad(n, 6)}`,
    creditNoteNumber: (n) => `RIST-2026-${pad(n, 5)}`,
    firstSeq: 40217,
    paymentDays: 30,
    linesPerDoc: [1, 2],
    catalog: [
      { description: 'Prime RC professionnelle – trimestre', unitCode: 'C62', price: [780, 1450], qty: [1, 1], vat: ['E', 0] },
      { description: 'Prime assurance flotte automobile – trimestre', unitCode: 'C62', price: [1900, 3600], qty: [1, 1], vat: ['E', 0] },
      { description: 'Assurance incendie bureaux – trimestre', unitCode: 'C62', price: [310, 620], qty: [1, 1], vat: ['E', 0] },
    ],
  },
  {
    key: 'menard',
    party: { name: 'Éditions Ménard SA', country: 'BE', ...be('08765432') },
    address: { street: 'Chaussée de Waterloo 255', city: 'Uccle', postalCode: '1180' },
    currency: 'EUR',
    invoiceNumber: (n) => `EM2026-${pad(n, 5)}`,
    creditNoteNumber: (n) => `EMCN2026-${pad(n, 4)}`,
    firstSeq: 8810,
    paymentDays: 30,
    linesPerDoc: [1, 3],
    catalog: [
      { description: 'Abonnement quotidien « Le Courrier » – 6 mois', unitCode: 'C62', price: [149, 189], qty: [1, 4], vat: ['Z', 0] },
      { description: 'Abonnement hebdomadaire économique – 1 an', unitCode: 'C62', price: [95, 129], qty: [1, 3], vat: ['Z', 0] },
      { description: 'Ouvrage « Droit fiscal belge 2026 »', unitCode: 'C62', price: [59, 89], qty: [1, 6], vat: ['S', 6] },
    ],
  },
  {
    key: 'vandijk',
    party: {
      name: 'Drukkerij Van Dijk & Zoon B.V.',
      country: 'NL',
      vatId: 'NL812345678B01',
      endpointId: '34567890',
      endpointScheme: '0106',
    },
    address: { street: 'Oudegracht 231', city: 'Utrecht', postalCode: '3511 NK' },
    currency: 'EUR',
    invoiceNumber: (n) => `INV-2026-${pad(n, 4)}`,
    creditNoteNumber: (n) => `CN-2026-${pad(n, 4)}`,
    firstSeq: 401,
    paymentDays: 30,
    linesPerDoc: [1, 4],
    catalog: [
      { description: 'Opmaak jaarverslag (uren)', unitCode: 'HUR', price: [60, 85], qty: [4, 30, 0.5], vat: AE },
      { description: 'Drukproef en kleurcorrectie', unitCode: 'C62', price: [75, 150], qty: [1, 3], vat: AE },
      { description: 'Ontwerp huisstijl – vaste prijs', unitCode: 'C62', price: [900, 2400], qty: [1, 1], vat: AE },
    ],
  },
  {
    key: 'papelaria',
    party: { name: 'Papelaria São João Lda', country: 'PT', vatId: 'PT509876540', endpointId: 'PT509876540', endpointScheme: '9946' },
    address: { street: 'Rua de Santa Catarina 312', city: 'Porto', postalCode: '4000-447' },
    currency: 'EUR',
    invoiceNumber: (n) => `FT 2026/${n}`,
    creditNoteNumber: (n) => `NC 2026/${n}`,
    firstSeq: 1532,
    paymentDays: 30,
    linesPerDoc: [2, 5],
    catalog: [
      { description: 'Cadernos A4 quadriculados (caixa de 20)', unitCode: 'C62', price: [28, 45], qty: [2, 12], vat: K },
      { description: 'Canetas esferográficas azuis (caixa de 50)', unitCode: 'C62', price: [14, 22], qty: [2, 10], vat: K },
    ],
    catalogPt: [
      { description: 'Papel de impressão A4 80 g (resma)', unitCode: 'C62', price: [3.9, 5.6], qty: [10, 80], vat: ['S', 23] },
      { description: 'Toner para impressora laser', unitCode: 'C62', price: [55, 98], qty: [1, 6], vat: ['S', 23] },
      { description: 'Agendas 2027 personalizadas', unitCode: 'C62', price: [8.5, 14], qty: [10, 60], vat: ['S', 23] },
      { description: 'Livro « Gestão de equipas »', unitCode: 'C62', price: [17, 26], qty: [1, 10], vat: ['S', 6] },
    ],
  },
  {
    key: 'lumiere',
    party: {
      name: 'Société Lumière & Fils SARL',
      country: 'FR',
      vatId: 'FR39552100554',
      endpointId: '55210055400013',
      endpointScheme: '0009',
    },
    address: { street: '18 rue de la Pépinière', city: 'Paris', postalCode: '75008' },
    currency: 'EUR',
    invoiceNumber: (n) => `FA-26-${pad(n, 5)}`,
    creditNoteNumber: (n) => `AV-26-${pad(n, 5)}`,
    firstSeq: 1187,
    paymentDays: 45,
    linesPerDoc: [1, 3],
    catalog: [
      { description: 'Conseil en éclairage scénique (jours)', unitCode: 'DAY', price: [750, 1100], qty: [1, 6], vat: AE },
      { description: 'Étude technique et plans d’implantation', unitCode: 'C62', price: [1200, 2800], qty: [1, 1], vat: AE },
      { description: 'Frais de déplacement forfaitaires', unitCode: 'C62', price: [180, 420], qty: [1, 2], vat: AE },
    ],
  },
  {
    key: 'muller',
    party: { name: 'Müller & Söhne GmbH', country: 'DE', vatId: 'DE289456712', endpointId: 'DE289456712', endpointScheme: '9930' },
    address: { street: 'Königstraße 48', city: 'Stuttgart', postalCode: '70173' },
    currency: 'EUR',
    invoiceNumber: (n) => `RE-2026-${pad(n, 5)}`,
    creditNoteNumber: (n) => `GS-2026-${pad(n, 4)}`,
    firstSeq: 10420,
    paymentDays: 30,
    linesPerDoc: [2, 6],
    catalog: [
      { description: 'Schrauben M6×20 Edelstahl (100 St.)', unitCode: 'C62', price: [9.5, 14], qty: [5, 40], vat: K },
      { description: 'Hutschienen-Netzteil 24 V / 5 A', unitCode: 'C62', price: [38, 62], qty: [2, 20], vat: K },
      { description: 'Industrie-Steckverbinder, 8-polig', unitCode: 'C62', price: [4.2, 7.9], qty: [20, 200], vat: K },
      { description: 'Kabelkanal 60×40 mm, 2 m', unitCode: 'C62', price: [6.5, 11], qty: [10, 60], vat: K },
      { description: 'Messestand Hannover Messe – Standfläche (m²)', unitCode: 'MTK', price: [210, 290], qty: [12, 36], vat: ['S', 19] },
    ],
  },
  {
    key: 'zurcher',
    party: {
      name: 'Zürcher Präzision AG',
      country: 'CH',
      vatId: 'CHE-123.456.788 MWST',
      endpointId: 'CHE123456788',
      endpointScheme: '0183',
    },
    address: { street: 'Bahnhofstrasse 21', city: 'Zürich', postalCode: '8001' },
    currency: 'CHF',
    invoiceNumber: (n) => `R-26-${pad(n, 4)}`,
    creditNoteNumber: (n) => `G-26-${pad(n, 4)}`,
    firstSeq: 877,
    paymentDays: 30,
    linesPerDoc: [1, 3],
    catalog: [
      { description: 'Kalibrierung Messgeräte vor Ort (Std.)', unitCode: 'HUR', price: [145, 190], qty: [2, 16, 0.5], vat: ['S', 8.1] },
      { description: 'Schulung Qualitätssicherung in Zürich (Tag)', unitCode: 'DAY', price: [1400, 2200], qty: [1, 3], vat: ['S', 8.1] },
      { description: 'Hotelübernachtung Schulungsteilnehmer', unitCode: 'C62', price: [180, 260], qty: [1, 6], vat: ['S', 3.8] },
    ],
  },
  {
    key: 'bronte',
    party: { name: 'Brontë Training Ltd', country: 'GB', vatId: 'GB123456782', endpointId: 'GB123456782', endpointScheme: '9932' },
    address: { street: '14 Haworth Lane', city: 'Leeds', postalCode: 'LS1 4DY' },
    currency: 'GBP',
    invoiceNumber: (n) => `BT-${pad(n, 5)}`,
    creditNoteNumber: (n) => `BTC-${pad(n, 4)}`,
    firstSeq: 2290,
    paymentDays: 30,
    linesPerDoc: [1, 3],
    catalog: [
      { description: 'Leadership workshop in London (per delegate)', unitCode: 'C62', price: [450, 690], qty: [1, 6], vat: ['S', 20] },
      { description: 'Venue catering, London', unitCode: 'C62', price: [25, 40], qty: [5, 30], vat: ['S', 20] },
      { description: 'Course handbook (printed)', unitCode: 'C62', price: [18, 30], qty: [1, 12], vat: ['Z', 0] },
    ],
  },
  {
    key: 'northwind',
    party: { name: 'Northwind Cloud Services Inc.', country: 'US', endpointId: '081466849', endpointScheme: '0060' },
    address: { street: '500 Pike Street, Suite 900', city: 'Seattle WA', postalCode: '98101' },
    currency: 'USD',
    invoiceNumber: (n) => `NW-2026-${pad(n, 6)}`,
    creditNoteNumber: (n) => `NWC-2026-${pad(n, 5)}`,
    firstSeq: 118304,
    paymentDays: 15,
    linesPerDoc: [2, 4],
    catalog: [
      { description: 'Compute instances – usage (vCPU hours)', unitCode: 'HUR', price: [0.04, 0.09], qty: [2000, 9000], vat: ['O', 0] },
      { description: 'Object storage (GB-month)', unitCode: 'C62', price: [0.021, 0.025], qty: [3000, 15000], vat: ['O', 0] },
      { description: 'Business support plan – monthly', unitCode: 'MON', price: [100, 100], qty: [1, 1], vat: ['O', 0] },
    ],
  },
  {
    key: 'koenig',
    party: { name: 'Boulangerie Kœnig Sàrl', country: 'LU', vatId: 'LU26375245', endpointId: 'LU26375245', endpointScheme: '9938' },
    address: { street: 'Grand-Rue 33', city: 'Luxembourg', postalCode: 'L-1661' },
    currency: 'EUR',
    invoiceNumber: (n) => `BK/26/${pad(n, 3)}`,
    creditNoteNumber: (n) => `BK/AV/26/${pad(n, 3)}`,
    firstSeq: 142,
    paymentDays: 14,
    linesPerDoc: [2, 4],
    catalog: [
      { description: 'Viennoiseries pour séminaire (Luxembourg)', unitCode: 'C62', price: [1.6, 2.8], qty: [20, 80], vat: ['S', 3] },
      { description: 'Gâteau d’anniversaire d’entreprise', unitCode: 'C62', price: [45, 85], qty: [1, 3], vat: ['S', 3] },
      { description: 'Service traiteur sur place (heures)', unitCode: 'HUR', price: [38, 55], qty: [2, 8], vat: ['S', 17] },
    ],
  },
];

/** Customers of the few sales documents (Acme Belgium invoicing others). */
export const SALES_CUSTOMERS: readonly { party: UblParty; vat: VatTreatment; address: PostalAddress }[] = [
  {
    party: { name: 'Hôtel Beau-Séjour SA', country: 'BE', ...be('04445556') },
    vat: S21,
    address: { street: 'Avenue Louise 221', city: 'Bruxelles', postalCode: '1050' },
  },
  {
    party: {
      name: 'Drukkerij Van Dijk & Zoon B.V.',
      country: 'NL',
      vatId: 'NL812345678B01',
      endpointId: '34567890',
      endpointScheme: '0106',
    },
    vat: AE,
    address: { street: 'Oudegracht 231', city: 'Utrecht', postalCode: '3511 NK' },
  },
  { party: ACME_PT.party, vat: AE, address: ACME_PT.address },
];
