/** Word lists the sample generator draws names and labels from. @internal */

export const segments = ['enterprise', 'mid-market', 'smb'] as const;
export type Segment = (typeof segments)[number];

export const industries = [
  'software',
  'financial services',
  'healthcare',
  'retail',
  'manufacturing',
  'logistics',
  'education',
  'media',
] as const;
export type Industry = (typeof industries)[number];

export const regions = [
  ['North America', 0.5],
  ['EMEA', 0.28],
  ['APAC', 0.15],
  ['LATAM', 0.07],
] as const satisfies readonly (readonly [string, number])[];

export const namePrefixes = [
  'North',
  'Blue',
  'Silver',
  'Iron',
  'Bright',
  'Cedar',
  'Summit',
  'Harbor',
  'Granite',
  'Aurora',
  'Pioneer',
  'Crescent',
  'Falcon',
  'Maple',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Evergreen',
  'Lumen',
  'Orchid',
  'Redwood',
  'Sterling',
  'Tidal',
  'Vertex',
  'Willow',
  'Keystone',
  'Meridian',
  'Nimbus',
  'Oak',
  'Quarry',
] as const;

export const nameStems: Readonly<Record<Industry, readonly [string, ...string[]]>> = {
  software: ['Systems', 'Labs', 'Software', 'Cloud', 'Data', 'Digital'],
  'financial services': ['Capital', 'Financial', 'Bank', 'Insurance', 'Payments', 'Credit'],
  healthcare: ['Health', 'Clinics', 'Medical', 'Care', 'Diagnostics', 'Pharma'],
  retail: ['Goods', 'Outfitters', 'Market', 'Supply', 'Brands', 'Stores'],
  manufacturing: ['Industries', 'Manufacturing', 'Works', 'Components', 'Fabrication', 'Machines'],
  logistics: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Fleet', 'Cargo'],
  education: ['Learning', 'Academy', 'Education', 'Schools', 'Institute', 'Tutoring'],
  media: ['Media', 'Studios', 'Publishing', 'Broadcasting', 'Entertainment', 'Press'],
};

export const nameSuffixes = ['', '', '', ' Inc.', ' Group', ' Co.', ' Partners', ' Holdings'] as const;

export const firstNames = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kara',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aiden',
  'Bianca',
  'Carlos',
  'Dana',
] as const;

export const lastNames = [
  'Reyes',
  'Ito',
  'Novak',
  'Okafor',
  'Schmidt',
  'Larsen',
  'Patel',
  'Moreau',
  'Kim',
  'Silva',
  'Brennan',
  'Haddad',
  'Kowalski',
  'Nguyen',
  'Rossi',
  'Sato',
  'Andersen',
  'Mensah',
  'Duarte',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Khan',
  'Lopez',
  'Müller',
  'Nakamura',
  'Oliveira',
  'Park',
] as const;

export const departments = ['Operations', 'Customer Support', 'Sales', 'Marketing', 'Engineering', 'Finance'] as const;

export const featureRequests = [
  'Custom report builder',
  'SAML single sign-on',
  'Salesforce two-way sync',
  'Bulk user import',
  'Audit log export',
  'Granular role permissions',
  'Mobile offline mode',
  'Webhook retries',
  'Multi-currency invoices',
  'Sandbox environment',
] as const;

export const escalationReasons = [
  'Outage affecting production',
  'Data sync failures',
  'Executive complaint about support response',
  'Billing dispute',
  'Performance degradation',
  'Security review blocked',
] as const;
