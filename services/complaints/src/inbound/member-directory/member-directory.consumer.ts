import { memberDirectoryConsumerId } from '@cs/nest-common';

export { applyMemberEvent } from '@cs/nest-common';
export const MEMBER_DIRECTORY_CONSUMER = memberDirectoryConsumerId('complaints');
