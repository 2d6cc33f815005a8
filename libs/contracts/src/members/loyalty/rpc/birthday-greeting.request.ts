import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { BIRTHDAY_CALL_OUTCOMES, BIRTHDAY_CARD_CHANNELS, type BirthdayCallOutcomeValue, type BirthdayCardChannelValue } from '../loyalty-vocabulary.js';

/** `POST /v1/members/{id}/birthday-greetings/{year}/card`: the birthday card went out. */
export class RecordBirthdayCardRequest {
  @IsIn(BIRTHDAY_CARD_CHANNELS) channel: BirthdayCardChannelValue;
}

export class RecordBirthdayCardCommand extends RecordBirthdayCardRequest {
  @IsString() @Length(1, 64) memberId: string;
  @IsInt() @Min(2000) @Max(2200) year: number;
}

/** `POST /v1/members/{id}/birthday-greetings/{year}/call`: the VIP birthday call was made (on the day). */
export class RecordBirthdayCallRequest {
  @IsIn(BIRTHDAY_CALL_OUTCOMES) outcome: BirthdayCallOutcomeValue;
}

export class RecordBirthdayCallCommand extends RecordBirthdayCallRequest {
  @IsString() @Length(1, 64) memberId: string;
  @IsInt() @Min(2000) @Max(2200) year: number;
}
