export { MemberDirectoryRow } from '@cs/nest-common';
