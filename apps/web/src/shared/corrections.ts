export interface CorrectionRequest {
  id: string;
  topic: 'IDENTITY' | 'DIAGNOSTIC';
  message: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  createdAt: string;
  decidedAt: string | null;
  comment: string | null;
}

export const CORRECTION_FIELDS = /* GraphQL */ `
  id
  topic
  message
  status
  createdAt
  decidedAt
  comment
`;

export const CORRECTION_TOPIC: Record<string, string> = {
  IDENTITY: 'Identité',
  DIAGNOSTIC: 'Situation (diagnostic)',
};

export const CORRECTION_STATUS: Record<string, string> = {
  PENDING: 'en attente',
  ACCEPTED: 'acceptée',
  DECLINED: 'refusée',
};
