package io.github.palimpsest.privacy;

import io.github.palimpsest.record.PersonRecord;
import java.util.*;

public class Scratch {
    static DeploymentSecret s = DeploymentSecret.fromBytes(new byte[32]);
    static PersonRecord rec(String id, String fore, String sur, String dob, String pc, String addr) {
        return PersonRecord.builder().recordId(id).force("01").forename(fore).surname(sur).dob(dob).postcode(pc).address(addr).build();
    }
    static void cmp(String label, PersonRecord a, PersonRecord b) {
        Tombstone x = Tombstone.of(a, s, TombstoneOptions.defaults()), y = Tombstone.of(b, s, TombstoneOptions.defaults());
        StringBuilder sb = new StringBuilder(label);
        for (BloomField f : BloomField.values()) {
            var fa = x.filter(f); var fb = y.filter(f);
            sb.append(String.format(" %s=%s", f.column(), fa.isPresent() && fb.isPresent() ? String.format("%.3f", fa.get().dice(fb.get())) : "-"));
        }
        System.out.println(sb);
    }
    public static void main(String[] args) {
        cmp("same       ", rec("1","John","Smith","1980-03-04","SW1A 1AA","12 Acacia Avenue"), rec("2","John","Smith","1980-03-04","SW1A 1AA","12 Acacia Avenue"));
        cmp("typo       ", rec("1","Jonathan","Smithson","1980-03-04","SW1A 1AA","12 Acacia Avenue"), rec("2","Jonahtan","Smitson","1980-04-03","SW1A 1AB","21 Acacia Ave"));
        cmp("typo short ", rec("1","John","Smith","1980-03-04","SW1A 1AA","12 Acacia Avenue"), rec("2","Jhon","Smyth","1981-03-04","SW1A 2AA","12 Acacia Road"));
        cmp("nickname   ", rec("1","William","Smith","1980-03-04","SW1A 1AA",""), rec("2","Bill","Smith","1980-03-04","SW1A 1AA",""));
        cmp("nickname2  ", rec("1","Elizabeth","Smith","1980-03-04","SW1A 1AA",""), rec("2","Liz","Smith","1980-03-04","SW1A 1AA",""));
        cmp("unrelated  ", rec("1","John","Smith","1980-03-04","SW1A 1AA","12 Acacia Avenue"), rec("2","Mary","Patel","1955-11-24","LS1 4AP","3 High Street"));
        cmp("unrelated2 ", rec("1","Margaret","Okonkwo","1980-03-04","SW1A 1AA","12 Acacia Avenue"), rec("2","Li","Wu","1955-11-24","M1 1AE","Flat 3 The Towers"));
    }
}
