import { cafFluxSchema, schemaPath } from './caf-flux.schema';
import {
  checkSimpleValue,
  compileXsd,
  loadXsdModel,
  type ElementModel,
  type SimpleTypeModel,
} from './xsd-model';

const schema = (body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
${body}
</xsd:schema>`;

const FOYER = schema(`
  <xsd:element name="Foyer">
    <xsd:annotation><xsd:documentation>Un foyer</xsd:documentation></xsd:annotation>
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="MATRICULE">
          <xsd:simpleType>
            <xsd:restriction base="xsd:string">
              <xsd:maxLength value="15" />
            </xsd:restriction>
          </xsd:simpleType>
        </xsd:element>
        <xsd:element ref="Personne" minOccurs="1" maxOccurs="unbounded" />
        <xsd:element name="MONTANT" minOccurs="0">
          <xsd:simpleType>
            <xsd:restriction base="xsd:decimal">
              <xsd:totalDigits value="9" />
              <xsd:fractionDigits value="2" />
            </xsd:restriction>
          </xsd:simpleType>
        </xsd:element>
        <xsd:element name="NBENF" minOccurs="0" maxOccurs="1">
          <xsd:simpleType>
            <xsd:restriction base="xsd:integer">
              <xsd:totalDigits value="2" />
            </xsd:restriction>
          </xsd:simpleType>
        </xsd:element>
        <xsd:element name="DTREF" type="xsd:date" />
        <xsd:element name="HEURE" type="xsd:time" minOccurs="0" />
        <xsd:element name="TOP" type="xsd:boolean" minOccurs="0" maxOccurs="3" />
        <xsd:element name="LIBRE" minOccurs="0" />
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:element name="Personne">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="NOM" type="xsd:string" />
        <xsd:element ref="Prestations" minOccurs="2" maxOccurs="2" />
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:element name="Prestations">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="NATPREST" type="xs:string" />
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>`);

describe('compileXsd', () => {
  const root = compileXsd(FOYER, 'Foyer');

  it('compiles a sequence with its occurrences and simple types', () => {
    expect(root.name).toBe('Foyer');
    expect(root.simple).toBeUndefined();
    expect(
      root.sequence?.map((p) => ({ name: p.name, min: p.min, max: p.max, simple: p.element.simple })),
    ).toEqual([
      { name: 'MATRICULE', min: 1, max: 1, simple: { base: 'string', maxLength: 15 } },
      { name: 'Personne', min: 1, max: Number.POSITIVE_INFINITY, simple: undefined },
      { name: 'MONTANT', min: 0, max: 1, simple: { base: 'decimal', totalDigits: 9, fractionDigits: 2 } },
      { name: 'NBENF', min: 0, max: 1, simple: { base: 'integer', totalDigits: 2 } },
      { name: 'DTREF', min: 1, max: 1, simple: { base: 'date' } },
      { name: 'HEURE', min: 0, max: 1, simple: { base: 'time' } },
      { name: 'TOP', min: 0, max: 3, simple: { base: 'boolean' } },
      { name: 'LIBRE', min: 0, max: 1, simple: { base: 'string' } },
    ]);
  });

  it('resolves references to global elements, taking the occurrences from the reference', () => {
    const personne = root.sequence?.[1].element as ElementModel;
    expect(personne.name).toBe('Personne');
    expect(personne.sequence?.map((p) => [p.name, p.min, p.max])).toEqual([
      ['NOM', 1, 1],
      ['Prestations', 2, 2],
    ]);
    const prestations = personne.sequence?.[1].element as ElementModel;
    expect(prestations.sequence?.map((p) => [p.name, p.element.simple])).toEqual([
      ['NATPREST', { base: 'string' }],
    ]);
  });

  it('compiles a global element referenced twice once', () => {
    const twice = compileXsd(
      schema(`
        <xsd:element name="R"><xsd:complexType><xsd:sequence>
          <xsd:element ref="D" />
          <xsd:element ref="D" minOccurs="0" />
        </xsd:sequence></xsd:complexType></xsd:element>
        <xsd:element name="D" type="xsd:date" />`),
      'R',
    );
    expect(twice.sequence?.map((p) => [p.name, p.min, p.max])).toEqual([
      ['D', 1, 1],
      ['D', 0, 1],
    ]);
    expect(twice.sequence?.[0].element).toBe(twice.sequence?.[1].element);
  });

  it('compiles a recursive reference without looping', () => {
    const tree = compileXsd(
      schema(`
        <xsd:element name="Noeud"><xsd:complexType><xsd:sequence>
          <xsd:element ref="Noeud" minOccurs="0" maxOccurs="unbounded" />
        </xsd:sequence></xsd:complexType></xsd:element>`),
      'Noeud',
    );
    expect(tree.sequence?.[0].element).toBe(tree);
  });

  it('ignores elements of other namespaces (documentation markup)', () => {
    const model = compileXsd(
      schema(`
        <xsd:element name="R" type="xsd:integer">
          <xsd:annotation><xsd:documentation><p xmlns="http://www.w3.org/1999/xhtml">texte</p></xsd:documentation></xsd:annotation>
        </xsd:element>`),
      'R',
    );
    expect(model).toEqual({ name: 'R', simple: { base: 'integer' } });
  });

  it.each([
    [
      'xsd:choice',
      '<xsd:complexType><xsd:choice><xsd:element name="A" /></xsd:choice></xsd:complexType>',
      'choice',
    ],
    ['xsd:all', '<xsd:complexType><xsd:all><xsd:element name="A" /></xsd:all></xsd:complexType>', 'all'],
    [
      'xsd:attribute',
      '<xsd:complexType><xsd:attribute name="a" type="xsd:string" /></xsd:complexType>',
      'attribute',
    ],
    [
      'xsd:enumeration',
      '<xsd:simpleType><xsd:restriction base="xsd:string"><xsd:enumeration value="A" /></xsd:restriction></xsd:simpleType>',
      'enumeration',
    ],
    [
      'xsd:pattern',
      '<xsd:simpleType><xsd:restriction base="xsd:string"><xsd:pattern value="[0-9]+" /></xsd:restriction></xsd:simpleType>',
      'pattern',
    ],
  ])('refuses %s', (_label, content, construct) => {
    expect(() => compileXsd(schema(`<xsd:element name="R">${content}</xsd:element>`), 'R')).toThrow(
      `XML Schema construct xsd:${construct} is not supported by the flux validator`,
    );
  });

  it('refuses an unsupported built-in type', () => {
    expect(() => compileXsd(schema('<xsd:element name="R" type="xsd:dateTime" />'), 'R')).toThrow(
      'XML Schema type xsd:dateTime is not supported by the flux validator',
    );
    expect(() =>
      compileXsd(
        schema(
          '<xsd:element name="R"><xsd:simpleType><xsd:restriction base="xsd:token" /></xsd:simpleType></xsd:element>',
        ),
        'R',
      ),
    ).toThrow('XML Schema type xsd:token is not supported by the flux validator');
  });

  it('refuses two sequences in one complex type', () => {
    expect(() =>
      compileXsd(
        schema(`<xsd:element name="R"><xsd:complexType>
          <xsd:sequence><xsd:element name="A" /></xsd:sequence>
          <xsd:sequence><xsd:element name="B" /></xsd:sequence>
        </xsd:complexType></xsd:element>`),
        'R',
      ),
    ).toThrow('Only one sequence per complex type is supported');
  });

  it('refuses a reference to an element the schema does not declare', () => {
    expect(() =>
      compileXsd(
        schema(
          '<xsd:element name="R"><xsd:complexType><xsd:sequence><xsd:element ref="Absent" /></xsd:sequence></xsd:complexType></xsd:element>',
        ),
        'R',
      ),
    ).toThrow('Unknown element reference Absent');
  });

  it('refuses a root the schema does not declare', () => {
    expect(() => compileXsd(FOYER, 'Racine')).toThrow('The schema has no element Racine');
  });

  it('refuses a schema that is not well-formed XML', () => {
    expect(() =>
      compileXsd('<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element', 'R'),
    ).toThrow();
  });
});

describe('the official schema vrsb0801.xsd', () => {
  it('compiles from the workspace and caches the model', () => {
    expect(schemaPath()).toMatch(/schemas[\\/]caf-msa[\\/]vrsb0801\.xsd$/);
    const racine = cafFluxSchema();
    expect(cafFluxSchema()).toBe(racine);
    expect(racine.sequence?.map((p) => [p.name, p.min, p.max])).toEqual([
      ['IdentificationFlux', 1, 1],
      ['InfosFoyerRSA', 0, Number.POSITIVE_INFINITY],
      ['TransmissionFlux', 1, 1],
    ]);
    expect(loadXsdModel(schemaPath(), 'Racine')).toEqual(racine);
  });

  it('describes InfosFoyerRSA and the NIR as the specification does', () => {
    const foyer = cafFluxSchema().sequence?.[1].element;
    expect(foyer?.sequence?.map((p) => [p.name, p.min, p.max])).toEqual([
      ['IdentificationRSA', 1, 1],
      ['Personne', 1, Number.POSITIVE_INFINITY],
      ['DonneesAdministratives', 1, 1],
      ['PrestationRSA', 1, 1],
      ['Evenement', 0, Number.POSITIVE_INFINITY],
      ['Controle', 0, 1],
      ['Anomalie', 0, Number.POSITIVE_INFINITY],
    ]);
    const identification = foyer?.sequence?.[1].element.sequence?.find((p) => p.name === 'Identification');
    const nir = identification?.element.sequence?.find((p) => p.name === 'NIR');
    expect(nir).toMatchObject({ min: 0, max: 1, element: { simple: { base: 'string', maxLength: 15 } } });
  });
});

describe('checkSimpleValue', () => {
  const string = (maxLength?: number): SimpleTypeModel => ({ base: 'string', maxLength });
  const decimal: SimpleTypeModel = { base: 'decimal', totalDigits: 9, fractionDigits: 2 };
  const integer: SimpleTypeModel = { base: 'integer', totalDigits: 2 };

  it.each<[SimpleTypeModel, string, string | null]>([
    // string: maxLength counts characters (not bytes, not UTF-16 units), whitespace included
    [string(3), 'CAF', null],
    [string(3), 'CAFS', 'longer than 3 characters'],
    [string(3), 'CG ', null],
    [string(3), 'CG  ', 'longer than 3 characters'],
    [string(3), 'ÉÈÊ', null],
    [string(2), '😀😀', null],
    [string(), 'x'.repeat(1000), null],
    [string(3), '', null],
    // integer
    [integer, '12', null],
    [integer, ' 12 ', null],
    [integer, '+07', null],
    [integer, '-7', null],
    [integer, '0012', null],
    [integer, '123', 'more than 2 digits'],
    [integer, '1.0', 'not an integer'],
    [integer, '', 'not an integer'],
    [integer, '1 2', 'not an integer'],
    [integer, 'douze', 'not an integer'],
    // decimal
    [decimal, '0001675.00', null],
    [decimal, '1234567.89', null],
    [decimal, '12345678.9', null],
    [decimal, '123456789.1', 'more than 9 digits'],
    [decimal, '12345678.00', null],
    [decimal, '-1.5', null],
    [decimal, '.5', null],
    [decimal, '5.', null],
    [decimal, '1.505', 'more than 2 decimals'],
    [decimal, '1.500', null],
    [decimal, '1,50', 'not a decimal number'],
    [decimal, '1e3', 'not a decimal number'],
    [decimal, '.', 'not a decimal number'],
    [decimal, '', 'not a decimal number'],
    [{ base: 'decimal', totalDigits: 2 }, '1.50', null],
    [{ base: 'decimal', totalDigits: 2 }, '15.0', null],
    [{ base: 'decimal', totalDigits: 2 }, '1.55', 'more than 2 digits'],
    [{ base: 'decimal', totalDigits: 2 }, '1.555', 'more than 2 digits'],
    // date
    [{ base: 'date' }, '2021-02-28', null],
    [{ base: 'date' }, '2024-02-29', null],
    [{ base: 'date' }, '2021-02-29', 'not a calendar date'],
    [{ base: 'date' }, '2021-02-30', 'not a calendar date'],
    [{ base: 'date' }, '2021-13-01', 'not a calendar date'],
    [{ base: 'date' }, '2021-00-10', 'not a calendar date'],
    [{ base: 'date' }, '2021-04-31', 'not a calendar date'],
    [{ base: 'date' }, ' 2021-02-28\n', null],
    [{ base: 'date' }, '28/02/2021', 'not a date (YYYY-MM-DD)'],
    [{ base: 'date' }, '2021-2-28', 'not a date (YYYY-MM-DD)'],
    [{ base: 'date' }, '20210228', 'not a date (YYYY-MM-DD)'],
    [{ base: 'date' }, '', 'not a date (YYYY-MM-DD)'],
    // time
    [{ base: 'time' }, '01:18:36', null],
    [{ base: 'time' }, '01:18:36.0000', null],
    [{ base: 'time' }, '23:59:59', null],
    [{ base: 'time' }, '24:00:00', 'not a time (hh:mm:ss)'],
    [{ base: 'time' }, '12:60:00', 'not a time (hh:mm:ss)'],
    [{ base: 'time' }, '1:18:36', 'not a time (hh:mm:ss)'],
    [{ base: 'time' }, '01:18', 'not a time (hh:mm:ss)'],
    // boolean
    [{ base: 'boolean' }, '0', null],
    [{ base: 'boolean' }, '1', null],
    [{ base: 'boolean' }, 'true', null],
    [{ base: 'boolean' }, 'false', null],
    [{ base: 'boolean' }, ' 1 ', null],
    [{ base: 'boolean' }, 'TRUE', 'not a boolean (0, 1, true, false)'],
    [{ base: 'boolean' }, 'O', 'not a boolean (0, 1, true, false)'],
    [{ base: 'boolean' }, '', 'not a boolean (0, 1, true, false)'],
  ])('checkSimpleValue(%j, %j) is %j', (type, value, expected) => {
    expect(checkSimpleValue(type, value)).toBe(expected);
  });
});
